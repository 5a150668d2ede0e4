package dev.polyshop.product.event;

import dev.polyshop.eventstore.client.MalformedMessageException;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.product.Uuids;

/** The events of other services that product-service reacts to, read tolerantly. */
public final class OrderEvents {

    public static final String ORDER_PLACED = "OrderPlaced";
    public static final String ORDER_REJECTED = "OrderRejected";
    public static final String ORDER_CANCELLED = "OrderCancelled";
    public static final String CREDIT_RESERVATION_FAILED = "CreditReservationFailed";

    private OrderEvents() {
    }

    /** order.OrderPlaced */
    public record OrderPlaced(String orderId, String customer, String productId, int quantity) {

        /** The order an event asks stock for; an order that cannot be served by anyone is a malformed message. */
        public static OrderPlaced of(RecordedEvent event) {
            OrderPlaced placed = event.dataAs(OrderPlaced.class);
            if (placed.quantity() < 1) {
                throw new MalformedMessageException("OrderPlaced " + event.id() + " asks for " + placed.quantity()
                        + " units");
            }
            return new OrderPlaced(uuid(placed.orderId(), "orderId", event), placed.customer(),
                    uuid(placed.productId(), "productId", event), placed.quantity());
        }
    }

    /** Whether the event ends an order as far as its stock goes: nothing more is reserved, what is held goes back. */
    public static boolean endsOrder(RecordedEvent event) {
        return switch (event.routingKey()) {
            case "order." + ORDER_REJECTED, "order." + ORDER_CANCELLED, "customer." + CREDIT_RESERVATION_FAILED -> true;
            default -> false;
        };
    }

    /** The order an ending event is about. */
    public static String endedOrderId(RecordedEvent event) {
        return uuid(event.data().path("orderId").asText(null), "orderId", event);
    }

    private static String uuid(String value, String field, RecordedEvent event) {
        return Uuids.canonical(value).orElseThrow(
                () -> new MalformedMessageException(event.type() + " " + event.id() + " has no valid " + field));
    }
}
