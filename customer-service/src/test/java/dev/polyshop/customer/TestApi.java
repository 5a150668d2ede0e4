package dev.polyshop.customer;

import static io.restassured.RestAssured.given;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import dev.polyshop.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;

/** Short ways to set up what a test needs through the service's own API. */
final class TestApi {

    static final String PASSWORD = "correct horse battery";
    /** Reads JSON numbers as exact decimals, as money must be compared. */
    static final RestAssuredConfig DECIMALS = RestAssured.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private TestApi() {
    }

    /** A username no other test uses. */
    static String newUsername() {
        return "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static String registerCustomer() {
        return register(newUsername(), PASSWORD);
    }

    static String register(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "fullName", "Test Customer", "email", username + "@example.com",
                        "password", password))
                .when().post("/api/customers")
                .then().statusCode(201)
                .extract().path("username");
    }

    static String login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .when().post("/api/auth/login")
                .then().statusCode(200)
                .extract().path("token");
    }

    static BigDecimal credit(String username) {
        return given().config(DECIMALS).auth().oauth2(TestTokens.manager())
                .when().get("/api/customers/{username}", username)
                .then().statusCode(200)
                .extract().path("credit");
    }

    static void setCredit(String username, String credit) {
        given().auth().oauth2(TestTokens.manager()).contentType(ContentType.JSON)
                .body("{\"credit\": " + credit + "}")
                .when().put("/api/customers/{username}/credit", username)
                .then().statusCode(200);
    }
}
