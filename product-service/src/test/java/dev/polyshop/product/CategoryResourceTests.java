package dev.polyshop.product;

import static dev.polyshop.product.Catalog.asCustomer;
import static dev.polyshop.product.Catalog.asManager;
import static dev.polyshop.product.Catalog.createCategory;
import static dev.polyshop.product.Catalog.createProduct;
import static dev.polyshop.product.Catalog.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
class CategoryResourceTests {

    private static final String PROBLEM = "application/problem+json";

    @BeforeEach
    void catalogStarted() {
        Catalog.awaitReady();
    }

    @Test
    void shouldCreateACategoryAndShowItWithItsProductCount() {
        String name = unique("Garden");

        String location = asManager().body(Map.of("name", "  " + name + " "))
                .when().post("/api/categories")
                .then().statusCode(201)
                .body("name", equalTo(name))
                .body("productCount", equalTo(0))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        createProduct(id, "Rake", "12.50", 3);
        createProduct(id, "Hose", "20", 1);

        given().get("/api/categories/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo(name))
                .body("productCount", equalTo(2));
    }

    @Test
    void shouldListCategoriesByName() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String zebra = createCategory("Zz zebra " + suffix);
        String apple = createCategory("Aa apple " + suffix);
        String mango = createCategory("Mm mango " + suffix);

        List<String> ids = given().get("/api/categories").then().statusCode(200).extract().jsonPath().getList("id");

        assertThat(ids).containsSubsequence(apple, mango, zebra);
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownCategoryAndBadRequestForAMalformedId() {
        given().get("/api/categories/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
        given().get("/api/categories/not-a-uuid")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("id"));
    }

    @Test
    void shouldRefuseInvalidNamesNamingTheField() {
        for (Object body : List.of(Map.of("name", "   "), Map.of(), Map.of("name", "x".repeat(101)),
                Map.of("name", 42))) {
            asManager().body(body)
                    .when().post("/api/categories")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("status", equalTo(400))
                    .body("errors.field", contains("name"));
        }
        asManager().body("{\"name\": ").when().post("/api/categories").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void shouldRefuseANameTakenInAnyCaseOrSpacing() {
        String name = unique("Kitchen");
        createCategory(name);

        asManager().body(Map.of("name", " " + name.toUpperCase() + "  "))
                .when().post("/api/categories")
                .then().statusCode(409).contentType(PROBLEM)
                .body("status", equalTo(409));
    }

    @Test
    void shouldRenameACategoryAndFreeItsFormerName() {
        String before = unique("Toys");
        String after = unique("Games");
        String id = createCategory(before);

        asManager().body(Map.of("name", after))
                .when().put("/api/categories/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo(after));

        given().get("/api/categories/" + id).then().body("name", equalTo(after));
        String other = createCategory(before);
        assertThat(other).isNotEqualTo(id);
        asManager().body(Map.of("name", after.toLowerCase()))
                .when().post("/api/categories")
                .then().statusCode(409);
    }

    @Test
    void shouldRespellANameItHoldsAlready() {
        String name = unique("books");
        String id = createCategory(name);

        asManager().body(Map.of("name", name.toUpperCase()))
                .when().put("/api/categories/" + id)
                .then().statusCode(200)
                .body("name", equalTo(name.toUpperCase()));
        asManager().body(Map.of("name", name.toUpperCase()))
                .when().put("/api/categories/" + id)
                .then().statusCode(200);
    }

    @Test
    void shouldRefuseRenamingToATakenNameAnUnknownCategoryOrAnInvalidName() {
        String taken = unique("Shoes");
        createCategory(taken);
        String id = createCategory(unique("Boots"));

        asManager().body(Map.of("name", taken.toLowerCase()))
                .when().put("/api/categories/" + id)
                .then().statusCode(409).contentType(PROBLEM);
        asManager().body(Map.of("name", unique("Anything")))
                .when().put("/api/categories/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
        asManager().body(Map.of("name", ""))
                .when().put("/api/categories/" + id)
                .then().statusCode(400).body("errors.field", contains("name"));
        asManager().body(Map.of("name", unique("Anything")))
                .when().put("/api/categories/12")
                .then().statusCode(400).body("errors.field", contains("id"));
    }

    @Test
    void shouldDeleteAnEmptyCategoryAndFreeItsName() {
        String name = unique("Music");
        String id = createCategory(name);

        asManager().when().delete("/api/categories/" + id).then().statusCode(204);

        given().get("/api/categories/" + id).then().statusCode(404);
        asManager().when().delete("/api/categories/" + id).then().statusCode(404).contentType(PROBLEM);
        assertThat(given().get("/api/categories").then().extract().jsonPath().getList("id", String.class))
                .doesNotContain(id);
        assertThat(createCategory(name)).isNotEqualTo(id);
    }

    @Test
    void shouldRefuseDeletingACategoryWhileItHoldsProducts() {
        String id = createCategory(unique("Tools"));
        String hammer = createProduct(id, "Hammer", "9.99", 4);

        asManager().when().delete("/api/categories/" + id)
                .then().statusCode(409).contentType(PROBLEM)
                .body("detail", matchesPattern(".*1 product.*"));

        asManager().when().delete("/api/products/" + hammer).then().statusCode(204);
        asManager().when().delete("/api/categories/" + id).then().statusCode(204);
    }

    @Test
    void shouldLetOnlyManagersChangeCategories() {
        String id = createCategory(unique("Office"));
        Map<String, String> body = Map.of("name", unique("Desk"));

        given().contentType(ContentType.JSON).body(body).when().post("/api/categories")
                .then().statusCode(401).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(body).when().put("/api/categories/" + id)
                .then().statusCode(401);
        given().when().delete("/api/categories/" + id).then().statusCode(401);
        asCustomer().body(body).when().post("/api/categories").then().statusCode(403).contentType(PROBLEM);
        asCustomer().body(body).when().put("/api/categories/" + id).then().statusCode(403);
        asCustomer().when().delete("/api/categories/" + id).then().statusCode(403);

        given().get("/api/categories/" + id).then().statusCode(200);
        asManager().body(body).when().put("/api/categories/" + id).then().statusCode(200);
        asManager().when().delete("/api/categories/" + id).then().statusCode(204);
    }

    @Test
    void shouldLetExactlyOneOfConcurrentCreationsOfOneNameWin() throws Exception {
        String name = unique("Contested");
        int contenders = 8;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                String spelling = i % 2 == 0 ? name : name.toUpperCase();
                attempts.add(() -> asManager().body(Map.of("name", spelling))
                        .when().post("/api/categories").then().extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(attempts)) {
                statuses.add(status.get());
            }

            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        given().get("/api/categories").then()
                .body("findAll { it.name.equalsIgnoreCase('" + name + "') }", hasSize(1));
    }
}
