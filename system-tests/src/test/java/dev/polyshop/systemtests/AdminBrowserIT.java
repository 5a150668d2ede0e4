package dev.polyshop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;

/** A product manager on the admin site in Chromium, against the running system through nginx. */
@Tag("browser")
@ExtendWith(BrowserExtension.class)
class AdminBrowserIT {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldLetAManagerFillTheCatalogWithEveryFieldKeptInItsPlace(Browser browser) {
        AdminSite admin = new AdminSite(browser);
        String category = "Admin lamps " + suffix;
        String lamp = "Desk lamp " + suffix;
        String sample = "Sample bulb " + suffix;

        admin.logIn();
        admin.createCategory(category);
        admin.createProduct(category, fields(lamp, "A lamp with a long arm", "Lumen & Co", "19.95", "3"));
        admin.createProduct(category, fields(sample, "Not for sale yet", "Lumen & Co", "0.50", "0"));
        browser.expectFailedRequests(409);
        String refusal = admin.deleteCategory(category);

        assertThat(admin.editProduct(lamp)).containsExactly(entry("name", lamp),
                entry("description", "A lamp with a long arm"), entry("supplier", "Lumen & Co"),
                entry("price", "19.95"), entry("unitsInStock", "3"), entry("category", category));
        assertThat(admin.editProduct(sample)).containsEntry("price", "0.50").containsEntry("unitsInStock", "0");
        assertThat(refusal).contains(category, "still holds products");
        admin.deleteProduct(sample);
        assertThat(ShopApi.anyone().queryParam("q", sample).get("/api/products").then().statusCode(200).extract()
                .jsonPath().getList("id")).isEmpty();
    }

    @Test
    void shouldNotLetAnOpenFormOverwriteStockThatAnOrderReservedMeanwhile(Browser browser) {
        AdminSite admin = new AdminSite(browser);
        String manager = ShopApi.manager();
        String kettle = "Kettle " + suffix;
        String productId = ShopApi.product(manager, ShopApi.category(manager, "Admin kettles " + suffix), kettle,
                "20.00", 5);
        String shopper = ShopApi.shopper("boiler_" + suffix);

        admin.logIn();
        assertThat(admin.editProduct(kettle)).containsEntry("unitsInStock", "5");
        String orderId = ShopApi.placeOrder(shopper, productId, 2).then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ShopApi.order(shopper, orderId).getString("status").equals("APPROVED"));
        browser.expectFailedRequests(412);
        browser.fill("#product-form [name=price]", "21.00");
        browser.click("#product-form button[type=submit]");

        browser.awaitText("#product-form .form-error", "has changed since the form was opened");
        JsonPath product = ShopApi.product(productId);
        assertThat(product.getInt("unitsInStock")).as("the reservation stands").isEqualTo(3);
        assertThat(ShopApi.money(product.get("price"))).isEqualByComparingTo("20.00");
    }

    @Test
    void shouldLetAManagerSetAShoppersCreditAndFollowTheirOrderToItsSagaTraceAndTheRevenue(Browser browser) {
        AdminSite admin = new AdminSite(browser);
        String category = "Admin chairs " + suffix;
        String chair = "Arm chair " + suffix;
        String username = "rich_" + suffix;
        String shopper = ShopApi.shopper(username);
        String manager = ShopApi.manager();
        int year = Year.now(ZoneOffset.UTC).getValue();
        int month = ZonedDateTime.now(ZoneOffset.UTC).getMonthValue();
        JsonPath revenueBefore = ShopApi.revenue(manager, year);

        admin.logIn();
        admin.createCategory(category);
        String productId = admin.createProduct(category, fields(chair, "Deep and soft", "Sitwell", "59.95", "4"));
        String creditShown = admin.setCredit(username, "250");
        // 2 × 59.95 is more than the default credit (100): only the credit just set lets the order through.
        JsonPath order = ShopApi.as(shopper).header("Prefer", "wait=10")
                .body(Map.of("productId", productId, "quantity", 2)).post("/api/orders").then().statusCode(200)
                .extract().jsonPath();
        String orderId = order.getString("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> !ShopApi.as(manager).queryParam("orderId", orderId)
                .get("/api/invoices").then().statusCode(200).extract().jsonPath().getList("id").isEmpty());
        Map<String, String> orders = admin.ordersOf(username);
        admin.openOrder(orderId);
        List<String> history = admin.orderHistory();
        List<String> trace = admin.sagaTrace();
        List<String> lanes = admin.sagaTraceLanes();
        List<String> customerEvents = admin.eventsOfStream(username);

        assertThat(creditShown).isEqualTo("€250.00");
        assertThat(order.getString("status")).isEqualTo("APPROVED");
        assertThat(orders).containsExactly(entry(orderId, "APPROVED"));
        assertThat(history).anyMatch(line -> line.contains("Order placed"))
                .anyMatch(line -> line.contains("Order approved"));
        assertThat(trace).containsSubsequence("order-service: OrderPlaced", "product-service: StockReserved",
                "customer-service: CreditReserved", "order-service: OrderApproved");
        assertThat(trace).contains("accounting-service: InvoiceIssued");
        assertThat(lanes).containsExactlyInAnyOrder("order-service", "product-service", "customer-service",
                "accounting-service");
        assertThat(customerEvents).containsSubsequence("CustomerRegistered", "CreditSet", "CreditReserved");
        assertThat(admin.deadLetters()).matches("\\d+ dead letters?");

        BigDecimal orderTotal = new BigDecimal("119.90");
        BigDecimal yearBefore = ShopApi.money(revenueBefore.get("total"));
        BigDecimal monthBefore = ShopApi.money(revenueBefore.getList("months.total").get(month - 1));
        AdminSite.Revenue revenue = admin.dashboard();
        assertThat(revenue.bars()).isEqualTo(12);
        assertThat(new BigDecimal(revenue.total())).as("the year's revenue shown")
                .isGreaterThanOrEqualTo(yearBefore.add(orderTotal))
                .isEqualByComparingTo(revenue.months().values().stream().map(BigDecimal::new)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(new BigDecimal(revenue.months().get(month))).as("this month's bar")
                .isGreaterThanOrEqualTo(monthBefore.add(orderTotal));
    }

    private static Map<String, String> fields(String name, String description, String supplier, String price,
            String unitsInStock) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("description", description);
        fields.put("supplier", supplier);
        fields.put("price", price);
        fields.put("unitsInStock", unitsInStock);
        return fields;
    }
}
