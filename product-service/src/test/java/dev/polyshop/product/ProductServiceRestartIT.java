package dev.polyshop.product;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.polyshop.embedded.EmbeddedMongo;
import dev.polyshop.testing.EventStoreProcess;
import dev.polyshop.testing.JwtTestResource;
import dev.polyshop.testing.QuarkusAppProcess;
import dev.polyshop.testing.RabbitMqTestResource;
import dev.polyshop.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The packaged service, killed and started again, keeps its catalog; started on an emptied database, it rebuilds the
 * same catalog from the event store.
 */
class ProductServiceRestartIT {

    private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";
    private static final String DATABASE = "polyshop_catalog_it";

    @Test
    void shouldKeepTheCatalogAcrossACrashAndRebuildItIntoAnEmptyDatabase() throws Exception {
        recreateDatabase();
        Map<String, String> rabbit = new RabbitMqTestResource().start();
        String namespace = rabbit.get("polyshop.rabbitmq.namespace");
        Map<String, String> environment = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", SERVER + DATABASE + "?createDatabaseIfNotExist=true",
                "POLYSHOP_RABBITMQ_NAMESPACE", namespace,
                "POLYSHOP_RABBITMQ_QUEUE_EXPIRY", "PT10M",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                new JwtTestResource().start().get("mp.jwt.verify.publickey.location"),
                "MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER);

        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory("127.0.0.1", 0);
                QuarkusAppProcess eventStore = EventStoreProcess.start(mongo.connectionString(), namespace, Map.of(),
                        "event-store-for-restart-it")) {
            Map<String, String> before;
            QuarkusAppProcess first = QuarkusAppProcess.start(QuarkusAppProcess.ownJar(), environment,
                    "product-service-before-crash");
            try {
                fill(first.port());
                before = views(first.port());
            } finally {
                first.kill();
            }

            try (QuarkusAppProcess restarted = QuarkusAppProcess.start(QuarkusAppProcess.ownJar(), environment,
                    "product-service-after-crash")) {
                assertThat(views(restarted.port())).isEqualTo(before);
            }

            emptyTables();
            try (QuarkusAppProcess rebuilt = QuarkusAppProcess.start(QuarkusAppProcess.ownJar(), environment,
                    "product-service-on-empty-database")) {
                assertThat(views(rebuilt.port())).isEqualTo(before);
                String categoryId = given().port(rebuilt.port()).get("/api/categories").then().extract()
                        .path("[0].id");
                asManager(rebuilt.port()).body(product(categoryId, "After the rebuild", 3))
                        .post("/api/products").then().statusCode(201);
            }
        }
    }

    private static void fill(int port) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        for (String name : List.of("Pantry " + suffix, "Cellar " + suffix)) {
            String categoryId = asManager(port).body(Map.of("name", name)).post("/api/categories")
                    .then().statusCode(201).extract().path("id");
            for (int i = 1; i <= 3; i++) {
                asManager(port).body(product(categoryId, name + " item " + i, i)).post("/api/products")
                        .then().statusCode(201);
            }
        }
        String renamed = asManager(port).body(Map.of("name", "Attic " + suffix)).post("/api/categories")
                .then().statusCode(201).extract().path("id");
        asManager(port).body(Map.of("name", "Loft " + suffix)).put("/api/categories/" + renamed)
                .then().statusCode(200);
    }

    private static Map<String, String> views(int port) {
        Map<String, String> views = new LinkedHashMap<>();
        views.put("categories", given().port(port).get("/api/categories").then().statusCode(200).extract().asString());
        views.put("products", given().port(port).get("/api/products").then().statusCode(200).extract().asString());
        assertThat(views.get("products")).contains("item 3");
        return views;
    }

    private static RequestSpecification asManager(int port) {
        return given().port(port).auth().oauth2(TestTokens.manager()).contentType(ContentType.JSON);
    }

    private static Map<String, Object> product(String categoryId, String name, int units) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("categoryId", categoryId);
        body.put("price", new BigDecimal(units + ".25"));
        body.put("unitsInStock", units);
        return body;
    }

    private static void recreateDatabase() throws Exception {
        try (Connection connection = DriverManager.getConnection(SERVER, "root", "");
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("DROP DATABASE IF EXISTS " + DATABASE);
        }
    }

    private static void emptyTables() throws Exception {
        try (Connection connection = DriverManager.getConnection(SERVER + DATABASE, "root", "");
                Statement statement = connection.createStatement()) {
            for (String table : List.of("stock_reservation", "ended_order", "product", "category", "category_name")) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        }
    }
}
