package dev.polyshop.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An order as the projection of its saga. {@link #version} is the version of the order's own stream, which every
 * decision about the order is appended against; the reservation statuses come from the product and customer streams
 * and only move forward, so that events arriving late or twice cannot turn them back.
 */
@Entity
@Table(name = "orders")
public class Order extends PanacheEntityBase {

    @Id
    public UUID id;

    public String customer;

    @Column(name = "product_id")
    public UUID productId;

    @Column(name = "product_name")
    public String productName;

    public int quantity;

    @Column(name = "unit_price")
    public BigDecimal unitPrice;

    public BigDecimal total;

    @Enumerated(EnumType.STRING)
    public OrderStatus status;

    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(name = "stock_status")
    public ReservationStatus stockStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "credit_status")
    public ReservationStatus creditStatus;

    @Column(name = "placed_at")
    public Instant placedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public long version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<OrderHistoryEntry> history = new ArrayList<>();

    public static Order placed(UUID id, String customer, UUID productId, int quantity, Instant at) {
        Order order = new Order();
        order.id = id;
        order.customer = customer;
        order.productId = productId;
        order.quantity = quantity;
        order.status = OrderStatus.PENDING;
        order.stockStatus = ReservationStatus.PENDING;
        order.creditStatus = ReservationStatus.PENDING;
        order.placedAt = at;
        order.updatedAt = at;
        return order;
    }

    public boolean isPending() { return status == OrderStatus.PENDING; }

    public boolean canBeCancelled() {
        return status == OrderStatus.PENDING || status == OrderStatus.APPROVED;
    }

    public boolean hasStockReserved() {
        return unitPrice != null;
    }

    public void stockReserved(String productName, BigDecimal unitPrice) {
        if (!hasStockReserved()) {
            this.productName = productName;
            this.unitPrice = unitPrice;
            this.total = unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
        if (stockStatus == ReservationStatus.PENDING) {
            stockStatus = ReservationStatus.RESERVED;
        }
    }

    public void stockDenied() {
        if (stockStatus == ReservationStatus.PENDING) {
            stockStatus = ReservationStatus.DENIED;
        }
    }

    public void stockReleased() {
        stockStatus = ReservationStatus.RELEASED;
    }

    public void creditReserved() {
        if (creditStatus == ReservationStatus.PENDING) {
            creditStatus = ReservationStatus.RESERVED;
        }
    }

    public void creditDenied() {
        if (creditStatus == ReservationStatus.PENDING) {
            creditStatus = ReservationStatus.DENIED;
        }
    }

    public void creditReleased() {
        creditStatus = ReservationStatus.RELEASED;
    }

    public void approved(BigDecimal total) {
        this.status = OrderStatus.APPROVED;
        if (total != null) {
            this.total = total;
        }
    }

    public void rejected(String reason) {
        this.status = OrderStatus.REJECTED;
        this.reason = reason;
    }

    public void cancelled() {
        this.status = OrderStatus.CANCELLED;
    }

    public boolean hasSeen(UUID eventId) {
        return history.stream().anyMatch(entry -> eventId.equals(entry.eventId));
    }

    /**
     * Adds the step an event made. Steps are kept in log order, each showing the status the order had at that point
     * of the log, and the order's time of change is that of its latest event: the same however late or early each
     * event was applied, so a rebuild gives back exactly the same order.
     */
    public void record(UUID eventId, long position, Instant at, String detail, boolean setsStatus) {
        OrderHistoryEntry entry = new OrderHistoryEntry();
        entry.order = this;
        entry.status = status;
        entry.setsStatus = setsStatus;
        entry.changedAt = at;
        entry.detail = detail;
        entry.eventId = eventId;
        entry.position = position;
        history.add(entry);
        history.sort(Comparator.comparingLong(step -> step.position));
        OrderStatus asOf = OrderStatus.PENDING;
        for (OrderHistoryEntry step : history) {
            if (step.setsStatus) {
                asOf = step.status;
            } else {
                step.status = asOf;
            }
        }
        if (at.isAfter(updatedAt)) {
            updatedAt = at;
        }
    }
}
