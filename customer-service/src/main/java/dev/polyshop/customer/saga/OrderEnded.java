package dev.polyshop.customer.saga;

import dev.polyshop.eventstore.client.RecordedEvent;

/** order-service's OrderRejected and OrderCancelled: the order ended, and nothing may stay reserved for it. */
public record OrderEnded(String orderId) {

    public static final String REJECTED = "order.OrderRejected";
    public static final String CANCELLED = "order.OrderCancelled";

    public static boolean isOne(RecordedEvent event) {
        return REJECTED.equals(event.routingKey()) || CANCELLED.equals(event.routingKey());
    }

    /** The order's id; the order's stream id is the same, should the event data not carry it. */
    public static String orderId(RecordedEvent event) {
        String orderId = event.dataAs(OrderEnded.class).orderId();
        return orderId == null ? event.streamId() : orderId;
    }
}
