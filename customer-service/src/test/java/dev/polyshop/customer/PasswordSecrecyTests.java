package dev.polyshop.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.polyshop.eventstore.client.EventJson;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.testing.EventStoreTestResource;
import dev.polyshop.testing.JwtTestResource;
import dev.polyshop.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(CustomerRedisTestResource.class)
class PasswordSecrecyTests {

    /** What every bcrypt hash starts with ($2a$, $2b$, $2y$ and the cost). */
    private static final String HASH_MARK = "$2";

    @Inject
    SagaDriver saga;

    @Test
    void shouldNeverAnswerWithAPasswordOrItsHash() {
        String username = TestApi.newUsername();
        String first = "first-" + UUID.randomUUID();
        String second = "second-" + UUID.randomUUID();
        String tooShort = "Sh0rt!";
        List<Response> answers = new ArrayList<>();

        answers.add(given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "fullName", "Secret Keeper", "email", "keeper@example.com",
                        "password", first))
                .post("/api/customers"));
        answers.add(given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "fullName", "Secret Keeper", "email", "keeper@example.com",
                        "password", first))
                .post("/api/customers"));
        answers.add(given().contentType(ContentType.JSON)
                .body(Map.of("username", TestApi.newUsername(), "fullName", "Short", "email", "s@example.com",
                        "password", tooShort))
                .post("/api/customers"));
        answers.add(given().contentType(ContentType.JSON).body(Map.of("username", username, "password", first))
                .post("/api/auth/login"));
        answers.add(given().contentType(ContentType.JSON).body(Map.of("username", username, "password", second))
                .post("/api/auth/login"));
        String token = answers.get(3).path("token");
        answers.add(given().auth().oauth2(token).get("/api/customers/me"));
        answers.add(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("fullName", "Still Secret", "email", "still@example.com")).put("/api/customers/me"));
        answers.add(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", second, "newPassword", first)).put("/api/customers/me/password"));
        answers.add(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", first, "newPassword", tooShort)).put("/api/customers/me/password"));
        answers.add(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", first, "newPassword", second)).put("/api/customers/me/password"));
        answers.add(given().contentType(ContentType.JSON).body(Map.of("username", username, "password", second))
                .post("/api/auth/login"));
        answers.add(given().auth().oauth2(TestTokens.manager()).get("/api/customers"));
        answers.add(given().auth().oauth2(TestTokens.manager()).get("/api/customers/{u}", username));
        answers.add(given().auth().oauth2(TestTokens.manager()).contentType(ContentType.JSON)
                .body(Map.of("credit", 5)).put("/api/customers/{u}/credit", username));

        assertThat(answers).extracting(Response::statusCode)
                .containsExactly(201, 409, 400, 200, 401, 200, 200, 403, 400, 204, 200, 200, 200, 200);
        for (Response answer : answers) {
            String body = new String(answer.asByteArray(), StandardCharsets.UTF_8);
            assertThat(body).doesNotContain(first, second, tooShort, HASH_MARK, "passwordHash");
        }
    }

    @Test
    void shouldRecordOnlyHashesOfPasswordsInTheEventLog() throws Exception {
        String username = TestApi.newUsername();
        String first = "first-" + UUID.randomUUID();
        String second = "second-" + UUID.randomUUID();
        TestApi.register(username, first);
        given().auth().oauth2(TestApi.login(username, first)).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", first, "newPassword", second))
                .when().put("/api/customers/me/password")
                .then().statusCode(204);

        List<RecordedEvent> stream = saga.customerStream(username);

        assertThat(stream).extracting(RecordedEvent::type)
                .containsExactly("CustomerRegistered", "CustomerPasswordChanged");
        assertThat(stream).allSatisfy(event -> {
            assertThat(new String(EventJson.write(event), StandardCharsets.UTF_8)).doesNotContain(first, second);
            assertThat(event.data().get("passwordHash").asText()).startsWith("$2b$");
        });
    }
}
