package dev.polyshop.accounting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;

import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.AppendResult;
import dev.polyshop.eventstore.client.EventJson;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.eventstore.client.RabbitMq;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

/**
 * Plays order-service's part for the tests: records order events on order streams (correlated with the order id)
 * through the real event store, which publishes them to the service under test; and reads the outcome through the API.
 */
final class SagaDriver {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final EventStoreClient eventStore;
    private final RabbitMq rabbit;

    SagaDriver(EventStoreClient eventStore, RabbitMq rabbit) {
        this.eventStore = eventStore;
        this.rabbit = rabbit;
    }

    /** Waits until the service consumes its queues: events recorded before that would find no queue to go to. */
    static void awaitConsuming() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given()
                .when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP")));
    }

    static String newCustomer() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An order placed and approved: the two events order-service records, OrderApproved as the saga contract has it. */
    RecordedEvent approve(UUID orderId, String customer, int quantity, String unitPrice) {
        return record(orderId, placed(orderId, customer, quantity), approval(orderId, customer, quantity, unitPrice))
                .getLast();
    }

    /** An OrderApproved with a new event id: total = quantity × unit price, as order-service computes it. */
    static NewEvent approval(UUID orderId, String customer, int quantity, String unitPrice) {
        BigDecimal price = new BigDecimal(unitPrice);
        Map<String, Object> approved = new LinkedHashMap<>();
        approved.put("orderId", orderId.toString());
        approved.put("customer", customer);
        approved.put("productId", UUID.randomUUID().toString());
        approved.put("productName", "Product of " + customer);
        approved.put("quantity", quantity);
        approved.put("unitPrice", price);
        approved.put("total", price.multiply(BigDecimal.valueOf(quantity)));
        return NewEvent.of("OrderApproved", approved);
    }

    RecordedEvent reject(UUID orderId, String customer) {
        return record(orderId, placed(orderId, customer, 1),
                NewEvent.of("OrderRejected", Map.of("orderId", orderId.toString(), "reason", "INSUFFICIENT_CREDIT")))
                .getLast();
    }

    RecordedEvent cancel(UUID orderId, String by) {
        return record(orderId, NewEvent.of("OrderCancelled", Map.of("orderId", orderId.toString(), "by", by)))
                .getLast();
    }

    /** Appends events to the order's stream, after whatever it holds. */
    List<RecordedEvent> record(UUID orderId, NewEvent... events) {
        return append(AppendRequest.to("order", orderId.toString()).correlatedWith(orderId.toString()).events(events))
                .events();
    }

    AppendResult append(AppendRequest request) {
        return eventStore.append(request);
    }

    /** Publishes a recorded event once more, as the event store's outbox may after a crash. */
    void republish(RecordedEvent event) throws Exception {
        try (Channel channel = rabbit.channel()) {
            AMQP.BasicProperties persistent = new AMQP.BasicProperties.Builder().contentType("application/json")
                    .deliveryMode(2).messageId(event.id().toString()).build();
            channel.basicPublish(rabbit.topology().eventsExchange(), event.routingKey(), persistent,
                    EventJson.write(event));
        }
    }

    private static NewEvent placed(UUID orderId, String customer, int quantity) {
        return NewEvent.of("OrderPlaced", Map.of("orderId", orderId.toString(), "customer", customer, "productId",
                UUID.randomUUID().toString(), "quantity", quantity));
    }

    /** Requests whose decimals come back exact, as BigDecimal. */
    static RequestSpecification api() {
        return given().config(RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    static RequestSpecification asManager() {
        return api().auth().oauth2(TestTokens.manager());
    }

    static RequestSpecification as(String customer) {
        return api().auth().oauth2(TestTokens.customer(customer));
    }

    /** The invoices of an order, as a manager sees them. */
    static List<Map<String, Object>> invoicesOf(UUID orderId) {
        return asManager().queryParam("orderId", orderId.toString())
                .when().get("/api/invoices")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Waits for the order's one invoice and returns it. */
    static Map<String, Object> awaitInvoiceOf(UUID orderId) {
        await().atMost(PATIENCE).until(() -> invoicesOf(orderId).size() == 1);
        return invoicesOf(orderId).getFirst();
    }

    static Map<String, Object> awaitInvoiceStatus(UUID orderId, String status) {
        await().atMost(PATIENCE).until(() -> {
            List<Map<String, Object>> invoices = invoicesOf(orderId);
            return invoices.size() == 1 && status.equals(invoices.getFirst().get("status"));
        });
        return invoicesOf(orderId).getFirst();
    }

    static JsonPath revenue(int year) {
        return asManager().queryParam("year", year)
                .when().get("/api/revenue")
                .then().statusCode(200).extract().jsonPath();
    }

    static long sequenceOf(Map<String, Object> invoice) {
        return InvoiceNumber.parse((String) invoice.get("number")).sequence();
    }
}
