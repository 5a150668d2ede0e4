package dev.polyshop.order.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.order.Order;

/**
 * Applies recorded events to the orders table: the order's own events in stream order, and the reservation events of
 * products and customers that name the order. The row is locked while an event is applied, so the saga consumer, the
 * projection consumer and HTTP requests never interleave on one order.
 */
@ApplicationScoped
public class OrderProjection {

    /** The stream types an order's state is made of, which a rebuild replays. */
    public static final List<String> STREAM_TYPES = List.of("order", "product", "missing-product", "customer");

    private static final Map<String, String> REASONS = Map.of(
            "OUT_OF_STOCK", "out of stock",
            "INSUFFICIENT_CREDIT", "not enough credit",
            "PRODUCT_NOT_FOUND", "product not found",
            "TIMEOUT", "no answer in time");

    /**
     * Applies the event. A live event that comes before one it follows throws {@link ProjectionGapException}; during a
     * rebuild, whose events come in order, an event about an unknown order is skipped instead.
     *
     * @return the id of the order it changed, or null
     */
    @Transactional
    public UUID apply(RecordedEvent event, boolean live) {
        return "order".equals(event.streamType()) ? applyOrderEvent(event, live) : applySagaEvent(event, live);
    }

    private UUID applyOrderEvent(RecordedEvent event, boolean live) {
        UUID id = UUID.fromString(event.streamId());
        Order order = Order.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            // No row to lock yet: the request that placed the order and the projection consumer take turns on the
            // order's id instead, so the second one finds the row the first inserted rather than inserting it again.
            lockNewOrder(id);
            order = Order.findById(id, LockModeType.PESSIMISTIC_WRITE);
        }
        if (order == null) {
            if (event.version() == 1 && "OrderPlaced".equals(event.type())) {
                placed(id, event).persist();
                return id;
            }
            return gap(event, live, "order " + id + " is not projected yet");
        }
        if (event.version() <= order.version) {
            return null;
        }
        if (event.version() > order.version + 1) {
            return gap(event, live, "order " + id + " is at version " + order.version);
        }
        JsonNode data = event.data();
        String detail = switch (event.type()) {
            case "OrderApproved" -> {
                order.approved(decimal(data, "total"));
                yield "Order approved: total " + order.total;
            }
            case "OrderRejected" -> {
                order.rejected(data.path("reason").asText());
                yield "Order rejected: " + REASONS.getOrDefault(order.reason, order.reason);
            }
            case "OrderCancelled" -> {
                order.cancelled();
                yield "Order cancelled by " + data.path("by").asText("the shop");
            }
            default -> event.type();
        };
        order.version = event.version();
        order.record(event.id(), event.position(), event.recordedAt(), detail, true);
        return id;
    }

    /** A lock on the order's id until the transaction ends (PostgreSQL's advisory locks are keyed by a long). */
    private static void lockNewOrder(UUID id) {
        Order.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                .setParameter(1, id.getMostSignificantBits() ^ id.getLeastSignificantBits()).getSingleResult();
    }

    private static Order placed(UUID id, RecordedEvent event) {
        JsonNode data = event.data();
        Order order = Order.placed(id, data.path("customer").asText(), UUID.fromString(data.path("productId").asText()),
                data.path("quantity").asInt(), event.recordedAt());
        order.version = 1;
        order.record(event.id(), event.position(), event.recordedAt(), "Order placed for " + order.quantity + " unit"
                + (order.quantity == 1 ? "" : "s"), true);
        return order;
    }

    private UUID applySagaEvent(RecordedEvent event, boolean live) {
        String orderId = event.data().path("orderId").asText(null);
        if (orderId == null || !isSagaEvent(event.type())) {
            return null;
        }
        UUID id = UUID.fromString(orderId);
        Order order = Order.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            return gap(event, live, "order " + id + " is not projected yet");
        }
        if (order.hasSeen(event.id())) {
            return null;
        }
        JsonNode data = event.data();
        String detail = switch (event.type()) {
            case "StockReserved" -> {
                order.stockReserved(data.path("productName").asText(), decimal(data, "unitPrice"));
                yield "Stock reserved: " + order.quantity + " × " + order.productName + " at " + order.unitPrice;
            }
            case "StockReservationFailed" -> {
                order.stockDenied();
                yield "Stock not reserved: " + REASONS.getOrDefault(data.path("reason").asText(), "refused");
            }
            case "StockReleased" -> {
                order.stockReleased();
                yield "Stock released";
            }
            case "CreditReserved" -> {
                order.creditReserved();
                yield "Credit reserved: " + decimal(data, "amount");
            }
            case "CreditReservationFailed" -> {
                order.creditDenied();
                yield "Credit not reserved: " + REASONS.getOrDefault(data.path("reason").asText(), "refused");
            }
            default -> {
                order.creditReleased();
                yield "Credit released: " + decimal(data, "amount");
            }
        };
        order.record(event.id(), event.position(), event.recordedAt(), detail, false);
        return id;
    }

    static boolean isSagaEvent(String type) {
        return switch (type) {
            case "StockReserved", "StockReservationFailed", "StockReleased", "CreditReserved",
                    "CreditReservationFailed", "CreditReleased" ->
                true;
            default -> false;
        };
    }

    private static UUID gap(RecordedEvent event, boolean live, String why) {
        if (live) {
            throw new ProjectionGapException(event.type() + " " + event.id() + " waits: " + why);
        }
        return null;
    }

    private static BigDecimal decimal(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.decimalValue().setScale(2);
    }
}
