package dev.polyshop.product;

import static dev.polyshop.product.Catalog.asCustomer;
import static dev.polyshop.product.Catalog.asManager;
import static dev.polyshop.product.Catalog.createCategory;
import static dev.polyshop.product.Catalog.createProduct;
import static dev.polyshop.product.Catalog.product;
import static dev.polyshop.product.Catalog.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.polyshop.testing.EventStoreTestResource;
import dev.polyshop.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(JwtTestResource.class)
class ProductResourceTests {

    private static final String PROBLEM = "application/problem+json";

    private String categoryId;
    private String categoryName;

    @BeforeEach
    void category() {
        Catalog.awaitReady();
        categoryName = unique("Kitchen");
        categoryId = createCategory(categoryName);
    }

    @Test
    void shouldCreateAProductWithItsCategoryName() {
        Map<String, Object> body = product(categoryId, "Kettle", "24.5", 7);
        body.put("description", "  Boils water  ");
        body.put("supplier", null);

        var created = asManager().body(body)
                .when().post("/api/products")
                .then().statusCode(201)
                .body("name", equalTo("Kettle"))
                .body("description", equalTo("Boils water"))
                .body("supplier", nullValue())
                .body("categoryId", equalTo(categoryId))
                .body("categoryName", equalTo(categoryName))
                .body("price", equalTo(24.5f))
                .body("unitsInStock", equalTo(7))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/products/" + id);

        String json = given().get("/api/products/" + id).then().statusCode(200).extract().asString();
        assertThat(json).contains("\"price\":24.50");
        given().get("/api/categories/" + categoryId).then().body("productCount", equalTo(1));
    }

    @Test
    void shouldListProductsByNameWithinACategoryAndByNameSearch() {
        String other = createCategory(unique("Bathroom"));
        String toaster = createProduct(categoryId, "Toaster", "30", 2);
        String blender = createProduct(categoryId, "Blender 100%", "45.99", 1);
        String apron = createProduct(categoryId, "apron", "5", 9);
        String towel = createProduct(other, "Towel", "8", 20);

        given().get("/api/products?categoryId=" + categoryId)
                .then().statusCode(200)
                .body("id", contains(apron, blender, toaster))
                .body("categoryName", contains(categoryName, categoryName, categoryName));
        given().queryParam("categoryId", categoryId).queryParam("q", "TOAST")
                .when().get("/api/products")
                .then().statusCode(200).body("id", contains(toaster));
        given().queryParam("categoryId", categoryId).queryParam("q", "0%")
                .when().get("/api/products")
                .then().statusCode(200).body("id", contains(blender));
        given().queryParam("categoryId", categoryId).queryParam("q", "_")
                .when().get("/api/products")
                .then().statusCode(200).body("id", empty());
        List<String> all = given().get("/api/products").then().statusCode(200).extract().jsonPath().getList("id");
        assertThat(all).contains(toaster, blender, apron, towel);
        List<String> names = given().get("/api/products").then().extract().jsonPath().getList("name");
        assertThat(names.indexOf("apron")).isLessThan(names.indexOf("Toaster"));
    }

    @Test
    void shouldRefuseMalformedFilters() {
        given().get("/api/products?categoryId=kitchen")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("categoryId"));
        given().queryParam("q", "x".repeat(201)).when().get("/api/products")
                .then().statusCode(400).body("errors.field", contains("q"));
        given().get("/api/products?categoryId=" + UUID.randomUUID())
                .then().statusCode(200).body("", empty());
    }

    @Test
    void shouldRefuseInvalidProductsNamingTheFields() {
        assertInvalid(with("price", new BigDecimal("-0.01")), "price");
        assertInvalid(with("price", new BigDecimal("1.999")), "price");
        assertInvalid(with("price", "12.50"), "price");
        assertInvalid(with("unitsInStock", -1), "unitsInStock");
        assertInvalid(with("unitsInStock", 1.5), "unitsInStock");
        assertInvalid(with("categoryId", "kitchen"), "categoryId");
        assertInvalid(with("categoryId", UUID.randomUUID().toString()), "categoryId");
        assertInvalid(with("name", " "), "name");

        Map<String, Object> empty = Map.of();
        asManager().body(empty)
                .when().post("/api/products")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("name", "categoryId", "price", "unitsInStock"));
        asManager().body(with("price", null))
                .when().post("/api/products")
                .then().statusCode(400).body("errors.field", contains("price"));
    }

    @Test
    void shouldRefuseAProductInADeletedCategory() {
        String gone = createCategory(unique("Gone"));
        asManager().when().delete("/api/categories/" + gone).then().statusCode(204);

        assertInvalid(product(gone, "Ghost", "1", 1), "categoryId");
    }

    @Test
    void shouldReplaceEveryFieldOfAProduct() {
        String other = createCategory(unique("Living room"));
        String id = createProduct(categoryId, "Lamp", "19.90", 5);
        Map<String, Object> body = product(other, "Floor lamp", "49", 12);
        body.remove("supplier");

        asManager().body(body)
                .when().put("/api/products/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo("Floor lamp"))
                .body("supplier", nullValue())
                .body("categoryId", equalTo(other))
                .body("price", equalTo(49.0f))
                .body("unitsInStock", equalTo(12));
        given().get("/api/categories/" + categoryId).then().body("productCount", equalTo(0));
        given().get("/api/categories/" + other).then().body("productCount", equalTo(1));
    }

    @Test
    void shouldReplaceOnlyTheProductAsItWasLoadedWhenToldItsVersion() {
        String id = createProduct(categoryId, "Kettle", "25", 10);
        String loaded = given().get("/api/products/" + id).then().statusCode(200).extract().header("ETag");
        assertThat(loaded).isEqualTo("\"1\"");
        given().get("/api/products/" + id).then().body("version", nullValue());

        String saved = asManager().header("If-Match", loaded).body(product(categoryId, "Kettle", "24", 10))
                .when().put("/api/products/" + id)
                .then().statusCode(200).body("price", equalTo(24.0f))
                .extract().header("ETag");
        assertThat(saved).isEqualTo("\"2\"");

        asManager().header("If-Match", loaded).body(product(categoryId, "Kettle", "23", 99))
                .when().put("/api/products/" + id)
                .then().statusCode(412).contentType(PROBLEM);
        given().get("/api/products/" + id).then().body("price", equalTo(24.0f)).body("unitsInStock", equalTo(10));

        asManager().header("If-Match", "*").body(product(categoryId, "Kettle", "23", 10))
                .when().put("/api/products/" + id).then().statusCode(200);
        asManager().header("If-Match", "yesterday").body(product(categoryId, "Kettle", "23", 10))
                .when().put("/api/products/" + id)
                .then().statusCode(400).body("errors.field", contains("If-Match"));
    }

    @Test
    void shouldRefuseReplacingAnUnknownProductOrWithInvalidFields() {
        String id = createProduct(categoryId, "Sieve", "3", 1);

        asManager().body(product(categoryId, "Sieve", "3", 1))
                .when().put("/api/products/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
        asManager().body(product(categoryId, "Sieve", "-3", 1))
                .when().put("/api/products/" + id)
                .then().statusCode(400).body("errors.field", contains("price"));
        asManager().body(product(UUID.randomUUID().toString(), "Sieve", "3", 1))
                .when().put("/api/products/" + id)
                .then().statusCode(400).body("errors.field", contains("categoryId"));
        asManager().body(product(categoryId, "Sieve", "3", 1))
                .when().put("/api/products/sieve")
                .then().statusCode(400).body("errors.field", contains("id"));
    }

    @Test
    void shouldDeleteAProduct() {
        String id = createProduct(categoryId, "Whisk", "4.20", 3);

        asManager().when().delete("/api/products/" + id).then().statusCode(204);

        given().get("/api/products/" + id).then().statusCode(404).contentType(PROBLEM);
        asManager().when().delete("/api/products/" + id).then().statusCode(404);
        asManager().body(product(categoryId, "Whisk", "4.20", 3))
                .when().put("/api/products/" + id).then().statusCode(404);
        given().get("/api/products?categoryId=" + categoryId).then().body("", empty());
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownProductAndBadRequestForAMalformedId() {
        given().get("/api/products/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        given().get("/api/products/42").then().statusCode(400).body("errors.field", contains("id"));
        asManager().when().delete("/api/products/42").then().statusCode(400);
    }

    @Test
    void shouldLetOnlyManagersChangeProducts() {
        String id = createProduct(categoryId, "Mug", "6", 10);
        Map<String, Object> body = product(categoryId, "Cup", "6", 10);

        given().contentType(ContentType.JSON).body(body).when().post("/api/products")
                .then().statusCode(401).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(body).when().put("/api/products/" + id).then().statusCode(401);
        given().when().delete("/api/products/" + id).then().statusCode(401);
        asCustomer().body(body).when().post("/api/products").then().statusCode(403).contentType(PROBLEM);
        asCustomer().body(body).when().put("/api/products/" + id).then().statusCode(403);
        asCustomer().when().delete("/api/products/" + id).then().statusCode(403);

        given().get("/api/products/" + id).then().statusCode(200).body("name", equalTo("Mug"));
        asManager().body(body).when().put("/api/products/" + id).then().statusCode(200);
        asManager().when().delete("/api/products/" + id).then().statusCode(204);
    }

    private Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = product(categoryId, "Spoon", "1", 1);
        body.put(field, value);
        return body;
    }

    private static void assertInvalid(Map<String, Object> body, String field) {
        asManager().body(body)
                .when().post("/api/products")
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("errors.field", contains(field));
    }
}
