package dev.polyshop.order;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step of an order's saga as the shopper sees it, from the event that made it. */
@Entity
@Table(name = "order_history")
public class OrderHistoryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id")
    public Order order;

    @Enumerated(EnumType.STRING)
    public OrderStatus status;

    @Column(name = "changed_at")
    public Instant changedAt;

    public String detail;

    @Column(name = "event_id")
    public UUID eventId;

    /** The event's global position: history is shown in log order. */
    public long position;

    /** The order's own events set its status; the others show the status the order had at their point in the log. */
    @Column(name = "sets_status")
    public boolean setsStatus;
}
