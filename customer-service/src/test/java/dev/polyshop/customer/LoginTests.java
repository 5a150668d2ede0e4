package dev.polyshop.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.polyshop.testing.EventStoreTestResource;
import dev.polyshop.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(CustomerRedisTestResource.class)
class LoginTests {

    @Test
    void shouldLogACustomerInWithAnyCaseOfTheUsernameAndATokenForTheirOwnProfile() {
        String username = TestApi.registerCustomer();

        ExtractableResponse<Response> login = given().contentType(ContentType.JSON)
                .body(Map.of("username", username.toUpperCase(), "password", TestApi.PASSWORD))
                .when().post("/api/auth/login")
                .then().statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("username", equalTo(username))
                .body("role", equalTo("customer"))
                .body("token", notNullValue())
                .extract();

        Instant expiresAt = Instant.parse(login.path("expiresAt"));
        assertThat(expiresAt).isBetween(Instant.now().plus(Duration.ofHours(8)).minusSeconds(60),
                Instant.now().plus(Duration.ofHours(8)).plusSeconds(1));
        given().auth().oauth2(login.<String>path("token"))
                .when().get("/api/customers/me")
                .then().statusCode(200).body("username", equalTo(username));
    }

    @Test
    void shouldLogTheConfiguredManagerInWithTheManagerRole() {
        String token = given().contentType(ContentType.JSON)
                .body(Map.of("username", "admin", "password", "admin"))
                .when().post("/api/auth/login")
                .then().statusCode(200)
                .body("role", equalTo("manager"))
                .body("username", equalTo("admin"))
                .extract().path("token");

        given().auth().oauth2(token).when().get("/api/customers").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/customers/me").then().statusCode(403);
    }

    @Test
    void shouldAnswerAnUnknownUsernameExactlyLikeAWrongPassword() {
        String username = TestApi.registerCustomer();

        String wrongPassword = given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "not the password"))
                .when().post("/api/auth/login")
                .then().statusCode(401).contentType("application/problem+json")
                .extract().asString();
        String unknownUser = given().contentType(ContentType.JSON)
                .body(Map.of("username", TestApi.newUsername(), "password", "not the password"))
                .when().post("/api/auth/login")
                .then().statusCode(401).contentType("application/problem+json")
                .extract().asString();
        String wrongManagerPassword = given().contentType(ContentType.JSON)
                .body(Map.of("username", "admin", "password", "not the password"))
                .when().post("/api/auth/login")
                .then().statusCode(401)
                .extract().asString();

        assertThat(unknownUser).isEqualTo(wrongPassword).isEqualTo(wrongManagerPassword);
    }

    @Test
    void shouldRefuseALoginWithoutAPassword() {
        given().contentType(ContentType.JSON).body(Map.of("username", "someone"))
                .when().post("/api/auth/login")
                .then().statusCode(400).body("errors[0].field", equalTo("password"));
    }
}
