package dev.polyshop.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.polyshop.eventstore.client.EventReplayer;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.testing.EventStoreTestResource;
import dev.polyshop.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(CustomerRedisTestResource.class)
class RegistrationTests {

    @Inject
    EventReplayer replayer;

    @Test
    void shouldRegisterACustomerWithTheDefaultCreditAndAnswerWithItsLocation() {
        String username = TestApi.newUsername();

        given().config(TestApi.DECIMALS).contentType(ContentType.JSON)
                .body(Map.of("username", username, "fullName", "Ada Lovelace", "email", "ada@example.com",
                        "password", "analytical engine"))
                .when().post("/api/customers")
                .then().statusCode(201)
                .header("Location", endsWith("/api/customers/" + username))
                .body("username", equalTo(username))
                .body("fullName", equalTo("Ada Lovelace"))
                .body("email", equalTo("ada@example.com"))
                .body("credit", comparesEqualTo(new BigDecimal("100")))
                .body("createdAt", notNullValue());
    }

    @Test
    void shouldShowMoneyWithTwoDecimals() {
        String username = TestApi.registerCustomer();

        String body = given().auth().oauth2(TestApi.login(username, TestApi.PASSWORD))
                .when().get("/api/customers/me")
                .then().statusCode(200).extract().asString();

        assertThat(body).contains("\"credit\":100.00");
    }

    @Test
    void shouldStoreTheUsernameInLowerCaseAndRefuseItAgainInAnyCase() {
        String username = TestApi.newUsername();

        String stored = TestApi.register(username.toUpperCase(), TestApi.PASSWORD);

        assertThat(stored).isEqualTo(username);
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "C" + username.substring(1), "fullName", "Someone Else", "email",
                        "else@example.com", "password", "another password"))
                .when().post("/api/customers")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409));
    }

    @Test
    void shouldListEveryInvalidFieldOfARegistration() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "no spaces!", "fullName", " ", "email", "not-an-address", "password",
                        "short"))
                .when().post("/api/customers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("username", "fullName", "email", "password"));
    }

    @Test
    void shouldRefuseUsernamesOfTheWrongLengthAndAddressesWithoutADomain() {
        for (String username : List.of("ab", "x".repeat(33))) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("username", username, "fullName", "A B", "email", "a@b", "password",
                            "long enough"))
                    .when().post("/api/customers")
                    .then().statusCode(400)
                    .body("errors.field", containsInAnyOrder("username", "email"));
        }
    }

    @Test
    void shouldRefuseARegistrationThatIsNotJson() {
        given().contentType(ContentType.JSON).body("{\"username\": ")
                .when().post("/api/customers")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseTheManagersUsername() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "ADMIN", "fullName", "Not The Manager", "email", "admin@example.com",
                        "password", "pretending"))
                .when().post("/api/customers")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void shouldLetExactlyOneOfConcurrentRegistrationsOfOneUsernameSucceed() throws Exception {
        String username = TestApi.newUsername();
        int contenders = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            String spelling = i % 2 == 0 ? username : username.toUpperCase();
            String fullName = "Contender " + i;
            answers.add(pool.submit(() -> {
                start.await();
                return given().contentType(ContentType.JSON)
                        .body(Map.of("username", spelling, "fullName", fullName, "email", "c@example.com",
                                "password", "contender password"))
                        .when().post("/api/customers")
                        .then().extract().statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(contenders - 1);
        List<RecordedEvent> stream = new ArrayList<>();
        replayer.replay(List.of("customer"), 0, event -> {
            if (event.streamId().equals(username)) {
                stream.add(event);
            }
        }, Duration.ofSeconds(10));
        assertThat(stream).extracting(RecordedEvent::type).containsExactly("CustomerRegistered");
    }
}
