package dev.polyshop.product;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.polyshop.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The catalog's API as the tests drive it: as a manager, with names no other test uses. */
final class Catalog {

    private Catalog() {
    }

    /** The service starts its catalog in the background (it may rebuild it first); changes wait for that. */
    static void awaitReady() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static RequestSpecification asManager() {
        return given().auth().oauth2(TestTokens.manager()).contentType(ContentType.JSON);
    }

    static RequestSpecification asCustomer() {
        return given().auth().oauth2(TestTokens.customer("alice")).contentType(ContentType.JSON);
    }

    static String createCategory(String name) {
        return asManager().body(Map.of("name", name))
                .when().post("/api/categories")
                .then().statusCode(201)
                .extract().path("id");
    }

    static String createProduct(String categoryId, String name, String price, int unitsInStock) {
        return asManager().body(product(categoryId, name, price, unitsInStock))
                .when().post("/api/products")
                .then().statusCode(201)
                .extract().path("id");
    }

    static Map<String, Object> product(String categoryId, String name, String price, int unitsInStock) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", "A fine " + name.toLowerCase());
        body.put("supplier", "Acme");
        body.put("categoryId", categoryId);
        body.put("price", new BigDecimal(price));
        body.put("unitsInStock", unitsInStock);
        return body;
    }

    static int unitsInStock(String productId) {
        return given().get("/api/products/" + productId).then().statusCode(200).extract().path("unitsInStock");
    }
}
