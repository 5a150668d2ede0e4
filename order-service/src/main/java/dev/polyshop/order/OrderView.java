package dev.polyshop.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** An order as API.md shows it. */
public record OrderView(
        String id,
        String customer,
        String productId,
        String productName,
        int quantity,
        BigDecimal unitPrice,
        BigDecimal total,
        OrderStatus status,
        String reason,
        ReservationStatus stockStatus,
        ReservationStatus creditStatus,
        Instant placedAt,
        Instant updatedAt,
        List<Step> history) {

    public record Step(OrderStatus status, Instant at, String detail) {
    }

    public static OrderView of(Order order) {
        return new OrderView(order.id.toString(), order.customer, order.productId.toString(), order.productName,
                order.quantity, order.unitPrice, order.total, order.status, order.reason, order.stockStatus,
                order.creditStatus, order.placedAt, order.updatedAt,
                order.history.stream().map(entry -> new Step(entry.status, entry.changedAt, entry.detail)).toList());
    }

    @JsonIgnore
    public boolean isFinal() { return status.isFinal(); }
}
