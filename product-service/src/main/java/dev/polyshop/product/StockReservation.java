package dev.polyshop.product;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The stock decision recorded for one order, projected from the product stream's StockReserved,
 * StockReservationFailed and StockReleased events, and from the missing-product stream's StockReservationFailed.
 * Only the projection writes it.
 */
@Entity
@Table(name = "stock_reservation")
public class StockReservation extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public String orderId;

    @Column(name = "product_id")
    public String productId;

    public String customer;

    public int quantity;

    @Column(name = "unit_price")
    public BigDecimal unitPrice;

    @Enumerated(EnumType.STRING)
    public ReservationStatus status;

    public String reason;

    /** The event that made the decision; the release of a reservation derives its event id from it. */
    @Column(name = "event_id")
    public String eventId;

    public boolean isHeld() { return status == ReservationStatus.RESERVED; }
}
