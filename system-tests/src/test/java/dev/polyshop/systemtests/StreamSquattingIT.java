package dev.polyshop.systemtests;

import static dev.polyshop.systemtests.ShopApi.as;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.polyshop.systemtests.ShopApi.Shopper;
import io.restassured.path.json.JsonPath;

/**
 * The product id in an order is the shopper's to choose: any UUID, a category's id, or an id another stream type
 * derives from something a shopper can know. Whatever it is, the order is refused (PRODUCT_NOT_FOUND) on a
 * missing-product stream of the order's own, no product stream is made of it, and no other stream is touched.
 */
class StreamSquattingIT {

    private static final Duration SETTLE = Duration.ofSeconds(20);

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String manager = ShopApi.manager();
    private final String category = ShopApi.category(manager, "Squatting " + suffix);
    private final long deadLettersBefore = ShopApi.deadLetters(manager);

    @Test
    void shouldIssueExactlyOneInvoicePerOrderWhenAShopperOrdersAnInvoicesId() {
        String product = ShopApi.product(manager, category, "Kettle " + suffix, "9.50", 10);
        Shopper honest = shopper("honest", "100.00");
        Shopper squatter = shopper("squatter", "100.00");
        String earlier = approvedOrder(honest, product);
        String earlierInvoice = invoiceIdOf(earlier);

        assertRefusedWithoutAProductStream(squatter, earlierInvoice);
        String next = approvedOrder(honest, product);

        await().atMost(SETTLE).untilAsserted(() -> assertThat(invoicesOf(next)).singleElement()
                .satisfies(invoice -> {
                    assertThat(invoice.get("id")).isEqualTo(invoiceIdOf(next));
                    assertThat(invoice.get("status")).isEqualTo("ISSUED");
                }));
        assertThat(invoicesOf(earlier)).singleElement().satisfies(invoice -> assertThat(invoice.get("id"))
                .isEqualTo(earlierInvoice));
        assertThat(ShopApi.stream(manager, "invoice", earlierInvoice).then().statusCode(200).extract().jsonPath()
                .getList("type")).containsExactly("InvoiceIssued");
        assertNothingDeadLettered();
    }

    @Test
    void shouldLetAManagerCreateACategoryWhoseNameStreamIdAShopperOrdered() {
        String name = "Squatted " + suffix;
        Shopper squatter = shopper("namesquatter", "100.00");

        assertRefusedWithoutAProductStream(squatter, nameStreamIdOf(name));
        String id = as(manager).body(Map.of("name", name)).post("/api/categories").then().statusCode(201).extract()
                .path("id");

        assertThat(ShopApi.anyone().get("/api/categories/{id}", id).then().statusCode(200).extract()
                .<String>path("name")).isEqualTo(name);
        assertThat(ShopApi.stream(manager, "category-name", nameStreamIdOf(name)).then().statusCode(200).extract()
                .jsonPath().getList("type")).containsExactly("CategoryNameClaimed");
        assertNothingDeadLettered();
    }

    @Test
    void shouldRejectAnOrderForACategorysIdAsProductNotFound() {
        Shopper shopper = shopper("categoryorder", "100.00");

        String order = assertRefusedWithoutAProductStream(shopper, category);

        assertThat(ShopApi.stream(manager, "missing-product", order).then().statusCode(200).extract().jsonPath()
                .getList("type")).containsExactly("StockReservationFailed");
        ShopApi.anyone().get("/api/categories/{id}", category).then().statusCode(200);
        assertNothingDeadLettered();
    }

    private Shopper shopper(String name, String credit) {
        return ShopApi.shopperWithCredit(manager, name + "_" + suffix, credit);
    }

    private static String approvedOrder(Shopper shopper, String product) {
        JsonPath order = orderAndWait(shopper, product, 10);
        assertThat(order.getString("status")).isEqualTo("APPROVED");
        return order.getString("id");
    }

    /**
     * Orders the id and waits a few seconds for the final state: REJECTED for PRODUCT_NOT_FOUND, no product stream of
     * that id. Returns the order's id.
     */
    private String assertRefusedWithoutAProductStream(Shopper shopper, String productId) {
        JsonPath order = orderAndWait(shopper, productId, 5);
        assertThat(order.getString("status")).isEqualTo("REJECTED");
        assertThat(order.getString("reason")).isEqualTo("PRODUCT_NOT_FOUND");
        ShopApi.stream(manager, "product", productId).then().statusCode(404);
        return order.getString("id");
    }

    /** The answer is 200 only if the order reached its final state within the wait. */
    private static JsonPath orderAndWait(Shopper shopper, String productId, int seconds) {
        return as(shopper.token()).header("Prefer", "wait=" + seconds)
                .body(Map.of("productId", productId, "quantity", 1)).post("/api/orders").then()
                .statusCode(200).extract().jsonPath();
    }

    private List<Map<String, Object>> invoicesOf(String orderId) {
        return as(manager).queryParam("orderId", orderId).get("/api/invoices").then().statusCode(200).extract()
                .jsonPath().getList("$");
    }

    private void assertNothingDeadLettered() {
        await().during(Duration.ofSeconds(2)).atMost(SETTLE)
                .until(() -> ShopApi.deadLetters(manager) == deadLettersBefore);
    }

    /** accounting-service's InvoiceService.invoiceIdOf: the one invoice of an order has an id derived from it. */
    private static String invoiceIdOf(String orderId) {
        return UUID.nameUUIDFromBytes((orderId + "/invoice").getBytes(UTF_8)).toString();
    }

    /** product-service's CategoryNames.streamId(key(name)): the stream through which a category name stays unique. */
    private static String nameStreamIdOf(String name) {
        String key = Normalizer.normalize(name.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return UUID.nameUUIDFromBytes(("category-name/" + key).getBytes(UTF_8)).toString();
    }
}
