package dev.polyshop.order;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.eventstore.client.RecordedEvent;

/**
 * Plays product-service's and customer-service's part in the saga for these tests: it records, in the real event
 * store, the events those services would record about an order.
 */
@ApplicationScoped
public class Participants {

    private final EventStoreClient eventStore;

    public Participants(EventStoreClient eventStore) {
        this.eventStore = eventStore;
    }

    public RecordedEvent stockReserved(String orderId, String productId, int quantity, String unitPrice) {
        return record("product", productId, orderId, "StockReserved", Map.of("orderId", orderId, "productId",
                productId, "quantity", quantity, "unitPrice", new BigDecimal(unitPrice), "productName", "Teapot"));
    }

    public RecordedEvent stockFailed(String orderId, String productId, String reason) {
        return record("product", productId, orderId, "StockReservationFailed",
                Map.of("orderId", orderId, "productId", productId, "reason", reason));
    }

    /** product-service's refusal of an order for a product that never existed: on the order's own stream. */
    public RecordedEvent productMissing(String orderId, String productId) {
        return record("missing-product", orderId, orderId, "StockReservationFailed",
                Map.of("orderId", orderId, "productId", productId, "quantity", 1, "reason", "PRODUCT_NOT_FOUND"));
    }

    public RecordedEvent creditReserved(String orderId, String customer, String amount) {
        return record("customer", customer, orderId, "CreditReserved",
                Map.of("orderId", orderId, "amount", new BigDecimal(amount)));
    }

    public RecordedEvent creditFailed(String orderId, String customer, String amount) {
        return record("customer", customer, orderId, "CreditReservationFailed",
                Map.of("orderId", orderId, "amount", new BigDecimal(amount), "reason", "INSUFFICIENT_CREDIT"));
    }

    public RecordedEvent stockReleased(String orderId, String productId, int quantity) {
        return record("product", productId, orderId, "StockReleased",
                Map.of("orderId", orderId, "productId", productId, "quantity", quantity));
    }

    private RecordedEvent record(String streamType, String streamId, String orderId, String type,
            Map<String, Object> data) {
        return eventStore.append(AppendRequest.to(streamType, streamId).correlatedWith(orderId)
                .events(NewEvent.of(type, data))).events().getFirst();
    }

    public static String newProduct() {
        return UUID.randomUUID().toString();
    }
}
