package dev.polyshop.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.polyshop.testing.EventStoreTestResource;
import dev.polyshop.testing.JwtTestResource;
import dev.polyshop.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(CustomerRedisTestResource.class)
class CustomerAdministrationTests {

    @Test
    void shouldListEveryCustomerByUsernameAndNotTheManager() {
        String base = TestApi.newUsername();
        TestApi.register(base + "_b", TestApi.PASSWORD);
        TestApi.register(base + "_a", TestApi.PASSWORD);
        TestApi.register(base + "_c", TestApi.PASSWORD);

        List<String> usernames = given().auth().oauth2(TestTokens.manager())
                .when().get("/api/customers")
                .then().statusCode(200)
                .extract().path("username");

        assertThat(usernames).isSorted().doesNotContain("admin")
                .containsSubsequence(base + "_a", base + "_b", base + "_c");
    }

    @Test
    void shouldShowAnyCustomerToTheManagerAndToACustomerOnlyTheirOwn() {
        String alice = TestApi.registerCustomer();
        String bob = TestApi.registerCustomer();
        String aliceToken = TestApi.login(alice, TestApi.PASSWORD);

        given().auth().oauth2(TestTokens.manager()).when().get("/api/customers/{u}", bob.toUpperCase())
                .then().statusCode(200).body("username", equalTo(bob));
        given().auth().oauth2(aliceToken).when().get("/api/customers/{u}", alice)
                .then().statusCode(200).body("username", equalTo(alice));
        given().auth().oauth2(aliceToken).when().get("/api/customers/{u}", bob)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldAnswer404ForAnUnknownCustomerAnd400ForAMalformedUsername() {
        given().auth().oauth2(TestTokens.manager()).when().get("/api/customers/{u}", TestApi.newUsername())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.manager()).when().get("/api/customers/{u}", "no!such*name")
                .then().statusCode(400).body("errors[0].field", equalTo("username"));
    }

    @Test
    void shouldSetTheCreditToAnAbsoluteAmount() {
        String username = TestApi.registerCustomer();

        given().config(TestApi.DECIMALS).auth().oauth2(TestTokens.manager()).contentType(ContentType.JSON)
                .body("{\"credit\": 250.5}")
                .when().put("/api/customers/{u}/credit", username)
                .then().statusCode(200)
                .body("username", equalTo(username))
                .body("credit", comparesEqualTo(new BigDecimal("250.50")));
        TestApi.setCredit(username, "0");

        assertThat(TestApi.credit(username)).isEqualByComparingTo("0");
    }

    @Test
    void shouldRefuseANegativeCreditOrOneFinerThanCents() {
        String username = TestApi.registerCustomer();

        for (String credit : List.of("-1", "10.123", "\"ten\"", "null")) {
            given().auth().oauth2(TestTokens.manager()).contentType(ContentType.JSON)
                    .body("{\"credit\": " + credit + "}")
                    .when().put("/api/customers/{u}/credit", username)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("credit"));
        }
        assertThat(TestApi.credit(username)).isEqualByComparingTo("100");
    }

    @Test
    void shouldAnswer404ForTheCreditOfAnUnknownCustomer() {
        given().auth().oauth2(TestTokens.manager()).contentType(ContentType.JSON).body(Map.of("credit", 5))
                .when().put("/api/customers/{u}/credit", TestApi.newUsername())
                .then().statusCode(404);
    }

    @Test
    void shouldKeepManagerOperationsFromCustomersAndFromCallersWithoutAToken() {
        String username = TestApi.registerCustomer();
        String customerToken = TestApi.login(username, TestApi.PASSWORD);

        given().auth().oauth2(customerToken).when().get("/api/customers")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(customerToken).contentType(ContentType.JSON).body(Map.of("credit", 1000))
                .when().put("/api/customers/{u}/credit", username)
                .then().statusCode(403);
        given().when().get("/api/customers")
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("credit", 1000))
                .when().put("/api/customers/{u}/credit", username)
                .then().statusCode(401);
        given().when().get("/api/customers/{u}", username)
                .then().statusCode(401);

        assertThat(TestApi.credit(username)).isEqualByComparingTo("100");
    }
}
