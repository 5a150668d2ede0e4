package dev.polyshop.product;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;

import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.EventJson;
import dev.polyshop.eventstore.client.EventReplayer;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.eventstore.client.RabbitMq;
import dev.polyshop.eventstore.client.RecordedEvent;

/**
 * Plays the other saga participants: records in the event store what order-service and customer-service would, and
 * reads back what product-service recorded in answer.
 */
final class Orders {

    private final EventStoreClient eventStore;
    private final EventReplayer replayer;
    private final RabbitMq rabbit;

    Orders(EventStoreClient eventStore, EventReplayer replayer, RabbitMq rabbit) {
        this.eventStore = eventStore;
        this.replayer = replayer;
        this.rabbit = rabbit;
    }

    /** A shopper places an order: OrderPlaced opens the order's stream, correlated with the order id. */
    RecordedEvent place(String customer, String productId, int quantity) {
        return place(UUID.randomUUID().toString(), customer, productId, quantity);
    }

    RecordedEvent place(String orderId, String customer, String productId, int quantity) {
        Map<String, Object> placed = new LinkedHashMap<>();
        placed.put("orderId", orderId);
        placed.put("customer", customer);
        placed.put("productId", productId);
        placed.put("quantity", quantity);
        return eventStore.append(AppendRequest.to("order", orderId).asNewStream().correlatedWith(orderId)
                .events(NewEvent.of("OrderPlaced", placed))).events().getFirst();
    }

    /** OrderPlaced and OrderCancelled recorded together: the cancellation may well be handled first. */
    List<RecordedEvent> placeAndCancel(String customer, String productId, int quantity) {
        String orderId = UUID.randomUUID().toString();
        return eventStore.append(AppendRequest.to("order", orderId).asNewStream().correlatedWith(orderId).events(
                NewEvent.of("OrderPlaced", Map.of("orderId", orderId, "customer", customer, "productId", productId,
                        "quantity", quantity)),
                NewEvent.of("OrderCancelled", Map.of("orderId", orderId, "by", customer)))).events();
    }

    RecordedEvent cancel(String orderId, String by) {
        return appendToOrder(orderId, "OrderCancelled", Map.of("orderId", orderId, "by", by));
    }

    RecordedEvent reject(String orderId, String reason) {
        return appendToOrder(orderId, "OrderRejected", Map.of("orderId", orderId, "reason", reason));
    }

    /** customer-service refuses the credit for an order: on the customer's stream, correlated with the order. */
    RecordedEvent refuseCredit(String orderId, String customer) {
        return eventStore.append(AppendRequest.to("customer", customer).correlatedWith(orderId)
                .events(NewEvent.of("CreditReservationFailed", Map.of("orderId", orderId, "amount", 1000,
                        "reason", "INSUFFICIENT_CREDIT"))))
                .events().getFirst();
    }

    private RecordedEvent appendToOrder(String orderId, String type, Map<String, Object> data) {
        return eventStore.append(AppendRequest.to("order", orderId).correlatedWith(orderId)
                .events(NewEvent.of(type, data))).events().getFirst();
    }

    /** Every product event recorded after the position, in order. */
    List<RecordedEvent> productEventsAfter(long position) throws Exception {
        List<RecordedEvent> events = new ArrayList<>();
        replayer.replay(List.of("product"), position, events::add, Duration.ofSeconds(10));
        return events;
    }

    /** Every event of the product stream of that id; none if there is no such stream. */
    List<RecordedEvent> productStream(String productId) throws Exception {
        return productEventsAfter(0).stream().filter(event -> event.streamId().equals(productId)).toList();
    }

    /** What product-service recorded for the order, on product streams or on the order's missing-product stream. */
    List<RecordedEvent> answersTo(RecordedEvent placed) throws Exception {
        List<RecordedEvent> events = new ArrayList<>();
        replayer.replay(List.of("product", "missing-product"), placed.position(), events::add,
                Duration.ofSeconds(10));
        return events.stream().filter(event -> placed.correlationId().equals(event.correlationId())).toList();
    }

    List<String> answerTypes(RecordedEvent placed) throws Exception {
        return answersTo(placed).stream().map(RecordedEvent::type).toList();
    }

    /** Publishes a copy of an event already published, as a broker redelivering after a lost acknowledgement would. */
    void redeliver(RecordedEvent event) throws Exception {
        try (Channel channel = rabbit.channel()) {
            channel.basicPublish(rabbit.topology().eventsExchange(), event.routingKey(),
                    new AMQP.BasicProperties.Builder().deliveryMode(2).contentType("application/json").build(),
                    EventJson.write(event));
        }
    }

    static String shopper() {
        return "shopper-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
