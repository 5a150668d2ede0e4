package dev.polyshop.systemtests;

import static io.restassured.RestAssured.given;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The shop's public API through nginx, as the storefront, the admin site and the apps use it (API.md). */
final class ShopApi {

    static final String PASSWORD = "correct-horse-battery";

    private ShopApi() {
    }

    static RequestSpecification anyone() {
        return given().baseUri(SystemUnderTest.baseUrl()).contentType(ContentType.JSON);
    }

    static RequestSpecification as(String token) {
        return anyone().auth().oauth2(token);
    }

    static String login(String username, String password) {
        return anyone().body(Map.of("username", username, "password", password)).post("/api/auth/login").then()
                .statusCode(200).extract().path("token");
    }

    static String manager() {
        return login(System.getProperty("polyshop.manager.username", "admin"),
                System.getProperty("polyshop.manager.password", "admin"));
    }

    /** Registers a shopper and logs them in; returns their token. */
    static String shopper(String username) {
        anyone().body(Map.of("username", username, "fullName", "Shopper " + username, "email",
                username + "@example.com", "password", PASSWORD)).post("/api/customers").then().statusCode(201);
        return login(username, PASSWORD);
    }

    static String category(String manager, String name) {
        return as(manager).body(Map.of("name", name)).post("/api/categories").then().statusCode(201).extract()
                .path("id");
    }

    static String product(String manager, String categoryId, String name, String price, int stock) {
        return as(manager).body(Map.of("name", name, "description", "A " + name + " for the tests", "supplier",
                "Test Supplies Ltd", "categoryId", categoryId, "price", new BigDecimal(price), "unitsInStock", stock))
                .post("/api/products").then().statusCode(201).extract().path("id");
    }

    static void credit(String manager, String username, String credit) {
        as(manager).body(Map.of("credit", new BigDecimal(credit))).put("/api/customers/{u}/credit", username).then()
                .statusCode(200);
    }

    /** A registered, logged-in shopper. */
    record Shopper(String username, String token) {
    }

    /** Registers a shopper, logs them in, and has the manager set their credit. */
    static Shopper shopperWithCredit(String manager, String username, String credit) {
        String token = shopper(username);
        credit(manager, username, credit);
        return new Shopper(username, token);
    }

    static Response placeOrder(String token, String productId, int quantity) {
        return as(token).body(Map.of("productId", productId, "quantity", quantity)).post("/api/orders");
    }

    static JsonPath order(String token, String id) {
        return as(token).get("/api/orders/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    static List<Map<String, Object>> orders(String manager) {
        return as(manager).get("/api/orders").then().statusCode(200).extract().jsonPath().getList("$");
    }

    static JsonPath product(String id) {
        return anyone().get("/api/products/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath customer(String manager, String username) {
        return as(manager).get("/api/customers/{u}", username).then().statusCode(200).extract().jsonPath();
    }

    static List<Map<String, Object>> invoices(String token) {
        return as(token).get("/api/invoices").then().statusCode(200).extract().jsonPath().getList("$");
    }

    static JsonPath revenue(String manager, int year) {
        return as(manager).queryParam("year", year).get("/api/revenue").then().statusCode(200).extract().jsonPath();
    }

    static List<Map<String, Object>> events(String manager, Map<String, ?> filters) {
        return as(manager).queryParams(filters).get("/api/events").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    static List<Map<String, Object>> stream(String manager, String streamId) {
        return as(manager).get("/api/events/streams/{id}", streamId).then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    /** The stream of that type and id: 200 with its events, or 404 if there is none. */
    static Response stream(String manager, String streamType, String streamId) {
        return as(manager).queryParam("streamType", streamType).get("/api/events/streams/{id}", streamId);
    }

    static long deadLetters(String manager) {
        return as(manager).get("/api/events/dead-letters").then().statusCode(200).extract().jsonPath()
                .getLong("count");
    }

    static BigDecimal money(Object value) {
        return new BigDecimal(String.valueOf(value));
    }
}
