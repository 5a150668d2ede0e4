package dev.polyshop.product;

import static dev.polyshop.product.Catalog.asCustomer;
import static dev.polyshop.product.Catalog.asManager;
import static dev.polyshop.product.Catalog.createCategory;
import static dev.polyshop.product.Catalog.createProduct;
import static dev.polyshop.product.Catalog.product;
import static dev.polyshop.product.Catalog.unique;
import static dev.polyshop.product.Catalog.unitsInStock;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThan;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.polyshop.eventstore.client.EventReplayer;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.RabbitMq;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.testing.EventStoreTestResource;
import dev.polyshop.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The catalog's database is a projection of the event store: emptied and replayed, it is the same again. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(JwtTestResource.class)
class CatalogRebuildTests {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /** Children before parents, for the foreign key from products to categories. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("stock_reservation", "order_id");
        TABLES.put("ended_order", "order_id");
        TABLES.put("product", "id");
        TABLES.put("category", "id");
        TABLES.put("category_name", "stream_id");
    }

    @Inject
    DataSource dataSource;

    @Inject
    EventStoreClient eventStore;

    @Inject
    EventReplayer replayer;

    @Inject
    RabbitMq rabbit;

    @BeforeEach
    void catalogStarted() {
        Catalog.awaitReady();
    }

    @Test
    void shouldRebuildTheSameCatalogFromTheEventStoreAfterItsTablesWereEmptied() throws Exception {
        String kept = fillWithEveryKindOfChange();
        Map<String, Object> before = snapshot();

        emptyTables();
        given().get("/api/categories/" + kept).then().statusCode(404);

        var report = asManager().when().post("/api/admin/catalog/rebuild")
                .then().statusCode(200)
                .body("events", greaterThan(20))
                .body("lastPosition", greaterThan(20))
                .extract().jsonPath();

        assertThat(snapshot()).isEqualTo(before);
        given().get("/api/categories/" + kept).then().statusCode(200);
        assertThat(report.getInt("categories")).isEqualTo(count("category WHERE deleted = FALSE"));
        assertThat(report.getInt("products")).isEqualTo(count("product WHERE deleted = FALSE"));
    }

    @Test
    void shouldKeepTheRefusalOfAnOrderForAnUnknownProductThroughARebuild() throws Exception {
        Orders orders = new Orders(eventStore, replayer, rabbit);
        String unknown = UUID.randomUUID().toString();
        RecordedEvent placed = orders.place(Orders.shopper(), unknown, 1);
        awaitAnswers(orders, placed, "StockReservationFailed");
        String reservation = "stock_reservation WHERE order_id = '" + placed.streamId() + "'";
        await().atMost(DEADLINE).until(() -> count(reservation + " AND product_id = '" + unknown
                + "' AND status = 'FAILED' AND reason = 'PRODUCT_NOT_FOUND'") == 1);
        List<List<Object>> before = rowsOf(reservation);

        asManager().when().post("/api/admin/catalog/rebuild").then().statusCode(200);

        assertThat(rowsOf(reservation)).hasSize(1).isEqualTo(before);
    }

    @Test
    void shouldLetOnlyManagersRebuild() {
        given().when().post("/api/admin/catalog/rebuild").then().statusCode(401);
        asCustomer().when().post("/api/admin/catalog/rebuild").then().statusCode(403);
    }

    /** Creations, renames, deletions, replacements, and stock reserved, refused and released for orders. */
    private String fillWithEveryKindOfChange() throws Exception {
        String garden = createCategory(unique("Rebuild garden"));
        String kitchen = createCategory(unique("Rebuild kitchen"));
        String gone = createCategory(unique("Rebuild gone"));
        asManager().body(Map.of("name", unique("Rebuild cooking"))).put("/api/categories/" + kitchen)
                .then().statusCode(200);
        asManager().delete("/api/categories/" + gone).then().statusCode(204);
        String spade = createProduct(garden, "Spade", "18.40", 6);
        String pan = createProduct(garden, "Pan", "25", 3);
        String knife = createProduct(kitchen, "Knife", "12.99", 2);
        asManager().body(product(kitchen, "Frying pan", "27.50", 4)).put("/api/products/" + pan)
                .then().statusCode(200);
        asManager().delete("/api/products/" + knife).then().statusCode(204);

        Orders orders = new Orders(eventStore, replayer, rabbit);
        String shopper = Orders.shopper();
        RecordedEvent reserved = orders.place(shopper, spade, 2);
        RecordedEvent refused = orders.place(shopper, pan, 10);
        RecordedEvent released = orders.place(shopper, spade, 1);
        RecordedEvent unknown = orders.place(shopper, UUID.randomUUID().toString(), 1);
        awaitAnswers(orders, reserved, "StockReserved");
        awaitAnswers(orders, refused, "StockReservationFailed");
        awaitAnswers(orders, unknown, "StockReservationFailed");
        awaitAnswers(orders, released, "StockReserved");
        orders.refuseCredit(released.streamId(), shopper);
        awaitAnswers(orders, released, "StockReserved", "StockReleased");
        await().atMost(DEADLINE).until(() -> unitsInStock(spade) == 4);
        return garden;
    }

    private static void awaitAnswers(Orders orders, RecordedEvent placed, String... types) {
        await().atMost(DEADLINE).until(() -> orders.answerTypes(placed).equals(List.of(types)));
    }

    /** What the API shows, and every row of every table. */
    private Map<String, Object> snapshot() throws SQLException {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("GET /api/categories", given().get("/api/categories").then().statusCode(200).extract().asString());
        snapshot.put("GET /api/products", given().get("/api/products").then().statusCode(200).extract().asString());
        for (String id : given().get("/api/products").then().extract().jsonPath().getList("id", String.class)) {
            snapshot.put("GET /api/products/" + id, given().get("/api/products/" + id).then().extract().asString());
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> table : TABLES.entrySet()) {
                snapshot.put(table.getKey(), rows(statement, "SELECT * FROM " + table.getKey() + " ORDER BY "
                        + table.getValue()));
            }
        }
        return snapshot;
    }

    private static List<List<Object>> rows(Statement statement, String query) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(query)) {
            ResultSetMetaData columns = result.getMetaData();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    row.add(result.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private List<List<Object>> rowsOf(String tableAndCondition) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            return rows(statement, "SELECT * FROM " + tableAndCondition);
        }
    }

    private void emptyTables() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES.keySet()) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        }
    }

    private int count(String tableAndCondition) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + tableAndCondition)) {
            result.next();
            return result.getInt(1);
        }
    }
}
