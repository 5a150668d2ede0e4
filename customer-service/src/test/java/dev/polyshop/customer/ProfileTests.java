package dev.polyshop.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
class ProfileTests {

    @Test
    void shouldShowTheCallersOwnProfile() {
        String username = TestApi.registerCustomer();

        given().auth().oauth2(TestApi.login(username, TestApi.PASSWORD))
                .when().get("/api/customers/me")
                .then().statusCode(200)
                .body("username", equalTo(username))
                .body("email", equalTo(username + "@example.com"));
    }

    @Test
    void shouldAnswer401ForTheProfileWithoutAValidToken() {
        given().when().get("/api/customers/me")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.expired(TestApi.registerCustomer()))
                .when().get("/api/customers/me")
                .then().statusCode(401);
        given().auth().oauth2("not.a.token")
                .when().get("/api/customers/me")
                .then().statusCode(401);
    }

    @Test
    void shouldUpdateNameAndEmail() {
        String username = TestApi.registerCustomer();
        String token = TestApi.login(username, TestApi.PASSWORD);

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("fullName", "Grace Hopper", "email", "grace@example.org"))
                .when().put("/api/customers/me")
                .then().statusCode(200)
                .body("fullName", equalTo("Grace Hopper"))
                .body("email", equalTo("grace@example.org"));
        given().auth().oauth2(token)
                .when().get("/api/customers/me")
                .then().body("fullName", equalTo("Grace Hopper"));
    }

    @Test
    void shouldRefuseAProfileWithAnInvalidEmail() {
        String token = TestApi.login(TestApi.registerCustomer(), TestApi.PASSWORD);

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("fullName", "Grace Hopper", "email", "grace"))
                .when().put("/api/customers/me")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("email"));
    }

    @Test
    void shouldChangeThePasswordSoThatOnlyTheNewOneLogsIn() {
        String username = TestApi.registerCustomer();

        given().auth().oauth2(TestApi.login(username, TestApi.PASSWORD)).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", TestApi.PASSWORD, "newPassword", "a brand new password"))
                .when().put("/api/customers/me/password")
                .then().statusCode(204);

        TestApi.login(username, "a brand new password");
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", TestApi.PASSWORD))
                .when().post("/api/auth/login")
                .then().statusCode(401);
    }

    @Test
    void shouldRefuseAPasswordChangeWithAWrongCurrentPassword() {
        String username = TestApi.registerCustomer();

        given().auth().oauth2(TestApi.login(username, TestApi.PASSWORD)).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "a guess at it", "newPassword", "a brand new password"))
                .when().put("/api/customers/me/password")
                .then().statusCode(403).contentType("application/problem+json");

        TestApi.login(username, TestApi.PASSWORD);
    }

    @Test
    void shouldRefuseATooShortNewPassword() {
        String username = TestApi.registerCustomer();

        given().auth().oauth2(TestApi.login(username, TestApi.PASSWORD)).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", TestApi.PASSWORD, "newPassword", "short"))
                .when().put("/api/customers/me/password")
                .then().statusCode(400)
                .body("errors.field", hasItem("newPassword"));
    }
}
