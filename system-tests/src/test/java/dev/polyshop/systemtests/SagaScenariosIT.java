package dev.polyshop.systemtests;

import static dev.polyshop.systemtests.ShopApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.polyshop.systemtests.ShopApi.Shopper;
import io.restassured.path.json.JsonPath;

/**
 * The order saga's scenarios end to end, through nginx and all five services: what the shopper is told, and what
 * happens to stock, credit, invoices and revenue.
 */
class SagaScenariosIT {

    private static final Duration SETTLE = Duration.ofSeconds(20);

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String manager = ShopApi.manager();
    private final String category = ShopApi.category(manager, "Scenarios " + suffix);

    @Test
    void shouldTakeExactlyTheOrdersAmountsOnApprovalAndIssueOneInvoice() {
        String product = ShopApi.product(manager, category, "Lamp " + suffix, "12.30", 10);
        Shopper shopper = shopper("approve", "50.00");
        BigDecimal revenue = revenue();

        JsonPath order = orderAndWait(shopper, product, 3);

        assertThat(order.getString("status")).isEqualTo("APPROVED");
        assertThat(ShopApi.money(order.get("total"))).isEqualByComparingTo("36.90");
        awaitStock(product, 7);
        awaitCredit(shopper, "13.10");
        await().atMost(SETTLE).untilAsserted(() -> assertThat(invoicesOf(order.getString("id")))
                .extracting(invoice -> invoice.get("status")).containsExactly("ISSUED"));
        assertThat(revenue().subtract(revenue)).isEqualByComparingTo("36.90");
    }

    @Test
    void shouldApproveWhenTheCreditIsExactlyTheTotal() {
        String product = ShopApi.product(manager, category, "Mug " + suffix, "12.50", 5);
        Shopper shopper = shopper("exact", "25.00");

        assertThat(orderAndWait(shopper, product, 2).getString("status")).isEqualTo("APPROVED");
        awaitCredit(shopper, "0.00");
    }

    @Test
    void shouldRejectForInsufficientCreditAndGiveTheStockBack() {
        String product = ShopApi.product(manager, category, "Rug " + suffix, "80.00", 4);
        Shopper shopper = shopper("short", "79.99");

        JsonPath order = orderAndWait(shopper, product, 1);

        assertRejected(order, "INSUFFICIENT_CREDIT");
        awaitStock(product, 4);
        awaitCredit(shopper, "79.99");
        assertThat(invoicesOf(order.getString("id"))).isEmpty();
    }

    @Test
    void shouldRejectAnOrderForMoreThanTheStockAsOutOfStockEvenWithTooLittleCredit() {
        String product = ShopApi.product(manager, category, "Sofa " + suffix, "500.00", 1);
        Shopper rich = shopper("rich", "5000.00");
        Shopper poor = shopper("poor", "1.00");

        assertRejected(orderAndWait(rich, product, 2), "OUT_OF_STOCK");
        assertRejected(orderAndWait(poor, product, 2), "OUT_OF_STOCK");
        awaitStock(product, 1);
        awaitCredit(poor, "1.00");
    }

    @Test
    void shouldRejectOrdersForAnUnknownOrADeletedProduct() {
        String deleted = ShopApi.product(manager, category, "Gone " + suffix, "3.00", 3);
        as(manager).delete("/api/products/{id}", deleted).then().statusCode(204);
        Shopper shopper = shopper("missing", "100.00");

        assertRejected(orderAndWait(shopper, deleted, 1), "PRODUCT_NOT_FOUND");
        assertRejected(orderAndWait(shopper, UUID.randomUUID().toString(), 1), "PRODUCT_NOT_FOUND");
        awaitCredit(shopper, "100.00");
    }

    @Test
    void shouldChargeThePriceTheProductHasWhenTheOrderIsPlaced() {
        String product = ShopApi.product(manager, category, "Clock " + suffix, "10.00", 5);
        as(manager).body(Map.of("name", "Clock " + suffix, "description", "Repriced", "supplier", "Test Supplies Ltd",
                "categoryId", category, "price", new BigDecimal("11.45"), "unitsInStock", 5))
                .put("/api/products/{id}", product).then().statusCode(200);
        Shopper shopper = shopper("reprice", "100.00");

        JsonPath order = orderAndWait(shopper, product, 2);

        assertThat(ShopApi.money(order.get("unitPrice"))).isEqualByComparingTo("11.45");
        assertThat(ShopApi.money(order.get("total"))).isEqualByComparingTo("22.90");
        awaitCredit(shopper, "77.10");
    }

    @Test
    void shouldRestoreEverythingWhenAPendingOrAnApprovedOrderIsCancelled() {
        String product = ShopApi.product(manager, category, "Bench " + suffix, "7.50", 6);
        Shopper shopper = shopper("cancel", "40.00");
        JsonPath approved = orderAndWait(shopper, product, 2);
        assertThat(approved.getString("status")).isEqualTo("APPROVED");
        await().atMost(SETTLE).until(() -> invoicesOf(approved.getString("id")).size() == 1);
        BigDecimal revenue = revenue();

        as(shopper.token()).post("/api/orders/{id}/cancel", approved.getString("id")).then().statusCode(202);
        String pending = ShopApi.placeOrder(shopper.token(), product, 1).then().statusCode(202).extract().path("id");
        as(shopper.token()).post("/api/orders/{id}/cancel", pending).then().statusCode(202);

        awaitStock(product, 6);
        awaitCredit(shopper, "40.00");
        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(invoicesOf(approved.getString("id"))).extracting(invoice -> invoice.get("status"))
                    .containsExactly("CREDITED");
            assertThat(revenue.subtract(revenue())).isEqualByComparingTo("15.00");
            JsonPath cancelled = ShopApi.order(shopper.token(), approved.getString("id"));
            assertThat(cancelled.getString("stockStatus")).isEqualTo("RELEASED");
            assertThat(cancelled.getString("creditStatus")).isEqualTo("RELEASED");
        });
        assertThat(ShopApi.order(shopper.token(), pending).getString("status")).isEqualTo("CANCELLED");
        // The saga may approve it before the cancellation arrives: then its invoice is credited at once.
        assertThat(invoicesOf(pending)).allSatisfy(invoice -> assertThat(invoice.get("status")).isEqualTo("CREDITED"));
        as(shopper.token()).post("/api/orders/{id}/cancel", pending).then().statusCode(409);
    }

    private Shopper shopper(String name, String credit) {
        return ShopApi.shopperWithCredit(manager, name + "_" + suffix, credit);
    }

    private static JsonPath orderAndWait(Shopper shopper, String product, int quantity) {
        JsonPath order = as(shopper.token()).header("Prefer", "wait=10")
                .body(Map.of("productId", product, "quantity", quantity)).post("/api/orders").then()
                .statusCode(200).extract().jsonPath();
        assertThat(order.getInt("quantity")).isEqualTo(quantity);
        return order;
    }

    private static void assertRejected(JsonPath order, String reason) {
        assertThat(order.getString("status")).isEqualTo("REJECTED");
        assertThat(order.getString("reason")).isEqualTo(reason);
    }

    private void awaitStock(String product, int units) {
        await().atMost(SETTLE).untilAsserted(() -> assertThat(ShopApi.product(product).getInt("unitsInStock"))
                .isEqualTo(units));
    }

    private void awaitCredit(Shopper shopper, String credit) {
        await().atMost(SETTLE).untilAsserted(() -> assertThat(
                ShopApi.money(ShopApi.customer(manager, shopper.username()).get("credit")))
                .isEqualByComparingTo(credit));
    }

    private List<Map<String, Object>> invoicesOf(String orderId) {
        return as(manager).queryParam("orderId", orderId).get("/api/invoices").then().statusCode(200).extract()
                .jsonPath().getList("$");
    }

    private BigDecimal revenue() {
        return ShopApi.money(ShopApi.revenue(manager, Year.now().getValue()).get("total"));
    }
}
