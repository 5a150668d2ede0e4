package dev.polyshop.customer;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;

import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.AppendResult;
import dev.polyshop.eventstore.client.EventJson;
import dev.polyshop.eventstore.client.EventReplayer;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.eventstore.client.RabbitMq;
import dev.polyshop.eventstore.client.RecordedEvent;

/**
 * Plays the other services of the saga in tests: records their events in the real event store (which publishes them
 * to this service), reads back what this service recorded, and re-publishes recorded events as a redelivery would.
 */
@ApplicationScoped
class SagaDriver {

    private final EventStoreClient eventStore;
    private final EventReplayer replayer;
    private final RabbitMq rabbit;

    SagaDriver(EventStoreClient eventStore, EventReplayer replayer, RabbitMq rabbit) {
        this.eventStore = eventStore;
        this.replayer = replayer;
        this.rabbit = rabbit;
    }

    static String newOrderId() {
        return UUID.randomUUID().toString();
    }

    /** product-service reserved stock for an order: the request, so that a test can send it again. */
    static AppendRequest stockReserved(String orderId, String customer, int quantity, String unitPrice) {
        String productId = UUID.randomUUID().toString();
        return AppendRequest.to("product", productId).correlatedWith(orderId)
                .events(NewEvent.of("StockReserved", Map.of("orderId", orderId, "customer", customer, "productId",
                        productId, "quantity", quantity, "unitPrice", new BigDecimal(unitPrice), "productName",
                        "Test product")));
    }

    RecordedEvent reserveStock(String orderId, String customer, int quantity, String unitPrice) {
        return append(stockReserved(orderId, customer, quantity, unitPrice)).events().getFirst();
    }

    RecordedEvent rejectOrder(String orderId) {
        return endOrder(orderId, "OrderRejected", Map.of("orderId", orderId, "reason", "TIMEOUT"));
    }

    RecordedEvent cancelOrder(String orderId, String by) {
        return endOrder(orderId, "OrderCancelled", Map.of("orderId", orderId, "by", by));
    }

    RecordedEvent endOrder(String orderId, String type, Map<String, Object> data) {
        return append(AppendRequest.to("order", orderId).correlatedWith(orderId).events(NewEvent.of(type, data)))
                .events().getFirst();
    }

    AppendResult append(AppendRequest request) {
        return eventStore.append(request);
    }

    /** Every event of one customer's stream, in version order, as the event store has it. */
    List<RecordedEvent> customerStream(String username) throws Exception {
        List<RecordedEvent> stream = new ArrayList<>();
        replayer.replay(List.of("customer"), 0, event -> {
            if (event.streamId().equals(username)) {
                stream.add(event);
            }
        }, Duration.ofSeconds(10));
        return stream;
    }

    /** The credit events of one customer about one order. */
    List<RecordedEvent> creditEvents(String username, String orderId) throws Exception {
        return customerStream(username).stream()
                .filter(event -> event.type().startsWith("CreditRe"))
                .filter(event -> orderId.equals(event.data().path("orderId").asText()))
                .toList();
    }

    /** Puts a recorded event on the events exchange again, as the event store's outbox does after a crash. */
    void publishAgain(RecordedEvent event) throws Exception {
        publishRaw(event.routingKey(), EventJson.write(event));
    }

    void publishRaw(String routingKey, byte[] body) throws Exception {
        try (Channel channel = rabbit.channel()) {
            channel.basicPublish(rabbit.topology().eventsExchange(), routingKey,
                    new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).build(),
                    body);
        }
    }
}
