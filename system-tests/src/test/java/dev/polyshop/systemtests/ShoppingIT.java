package dev.polyshop.systemtests;

import static dev.polyshop.systemtests.ShopApi.anyone;
import static dev.polyshop.systemtests.ShopApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** A shopper and a manager using the shop through nginx, from registration to the invoice and the revenue. */
class ShoppingIT {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldRegisterLogInAndShowTheShoppersOwnRecord() {
        String username = "reg_" + suffix;
        String token = ShopApi.shopper(username);

        JsonPath me = as(token).get("/api/customers/me").then().statusCode(200)
                .body("username", equalTo(username))
                .body("email", equalTo(username + "@example.com"))
                .extract().jsonPath();
        assertThat(ShopApi.money(me.get("credit"))).isEqualByComparingTo("100");
        anyone().get("/api/customers/me").then().statusCode(401);
    }

    @Test
    void shouldLetAManagerFillTheCatalogThatShoppersBrowseByCategoryAndSearch() {
        String manager = ShopApi.manager();
        String category = ShopApi.category(manager, "Teas " + suffix);
        String product = ShopApi.product(manager, category, "Oolong " + suffix, "12.40", 7);

        List<String> inCategory = anyone().queryParam("categoryId", category).get("/api/products").then()
                .statusCode(200).extract().jsonPath().getList("id");
        List<String> found = anyone().queryParam("q", "OOLONG " + suffix.toUpperCase()).get("/api/products").then()
                .statusCode(200).extract().jsonPath().getList("id");

        assertThat(inCategory).containsExactly(product);
        assertThat(found).containsExactly(product);
        anyone().get("/api/categories/{id}", category).then().statusCode(200).body("productCount", equalTo(1));
        as(ShopApi.shopper("browser_" + suffix)).body(Map.of("name", "Not mine")).post("/api/categories").then()
                .statusCode(403);
    }

    @Test
    void shouldApproveAnOrderWithinTheWaitAndShowItsInvoiceAndRevenueToTheManager() {
        String manager = ShopApi.manager();
        String product = ShopApi.product(manager, ShopApi.category(manager, "Kettles " + suffix),
                "Kettle " + suffix, "19.99", 5);
        String shopper = ShopApi.shopper("buyer_" + suffix);
        BigDecimal revenueBefore = ShopApi.money(ShopApi.revenue(manager, Year.now().getValue()).get("total"));

        JsonPath order = as(shopper).header("Prefer", "wait=5").body(Map.of("productId", product, "quantity", 2))
                .post("/api/orders").then().statusCode(200).extract().jsonPath();

        assertThat(order.getString("status")).isEqualTo("APPROVED");
        assertThat(ShopApi.money(order.get("total"))).isEqualByComparingTo("39.98");
        String orderId = order.getString("id");
        as(manager).get("/api/orders/{id}", orderId).then().statusCode(200).body("status", equalTo("APPROVED"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                ShopApi.as(manager).queryParam("orderId", orderId).get("/api/invoices").then().statusCode(200)
                        .extract().jsonPath().getList("status"))
                .containsExactly("ISSUED"));
        assertThat(ShopApi.invoices(shopper)).extracting(invoice -> invoice.get("orderId")).contains(orderId);
        BigDecimal revenueAfter = ShopApi.money(ShopApi.revenue(manager, Year.now().getValue()).get("total"));
        assertThat(revenueAfter.subtract(revenueBefore)).isEqualByComparingTo("39.98");
        assertThat(ShopApi.product(product).getInt("unitsInStock")).isEqualTo(3);
    }

    @Test
    void shouldStreamAnOrderFromPendingToItsFinalState() throws Exception {
        String manager = ShopApi.manager();
        String product = ShopApi.product(manager, ShopApi.category(manager, "Cups " + suffix), "Cup " + suffix,
                "3.50", 10);
        String shopper = ShopApi.shopper("watcher_" + suffix);
        HttpClient http = HttpClient.newHttpClient();
        http.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.baseUrl() + "/api/categories")).build(),
                HttpResponse.BodyHandlers.discarding());

        // The saga may end before the stream opens; such a stream gives the final state alone, and another order
        // is watched, until one is caught while pending.
        List<String> caughtPending = null;
        for (int attempt = 0; attempt < 5 && caughtPending == null; attempt++) {
            HttpResponse<String> placed = http.send(HttpRequest.newBuilder(
                    URI.create(SystemUnderTest.baseUrl() + "/api/orders"))
                    .header("Authorization", "Bearer " + shopper).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"productId\":\"" + product + "\",\"quantity\":1}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(placed.statusCode()).isEqualTo(202);
            String orderId = JsonPath.from(placed.body()).getString("id");

            List<String> statuses = streamedStatuses(http, shopper, orderId);

            assertThat(statuses).isNotEmpty().endsWith("APPROVED");
            assertThat(ShopApi.order(shopper, orderId).getString("status")).isEqualTo("APPROVED");
            if (statuses.getFirst().equals("PENDING")) {
                caughtPending = statuses;
            } else {
                assertThat(statuses).as("a stream opened after the end").containsExactly("APPROVED");
            }
        }

        assertThat(caughtPending).as("a stream opened while the order was pending").isNotNull();
        assertThat(caughtPending).hasSizeGreaterThanOrEqualTo(2).startsWith("PENDING").endsWith("APPROVED");
    }

    /** Every state the order's stream sends, until the server closes it after the final one. */
    private static List<String> streamedStatuses(HttpClient http, String shopper, String orderId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                URI.create(SystemUnderTest.baseUrl() + "/api/orders/" + orderId + "/stream"))
                .header("Authorization", "Bearer " + shopper).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(60)).build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> statuses = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    statuses.add(JsonPath.from(line.substring(5)).getString("status"));
                }
            }
        }
        return statuses;
    }

    @Test
    void shouldRejectAnOrderTheShopperCannotAffordWithTheReason() {
        String manager = ShopApi.manager();
        String product = ShopApi.product(manager, ShopApi.category(manager, "Pianos " + suffix),
                "Piano " + suffix, "999.00", 2);
        String shopper = ShopApi.shopper("poor_" + suffix);

        JsonPath order = as(shopper).header("Prefer", "wait=5").body(Map.of("productId", product, "quantity", 1))
                .post("/api/orders").then().statusCode(200).extract().jsonPath();

        assertThat(order.getString("status")).isEqualTo("REJECTED");
        assertThat(order.getString("reason")).isEqualTo("INSUFFICIENT_CREDIT");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ShopApi.product(product)
                .getInt("unitsInStock")).isEqualTo(2));
    }
}
