package dev.polyshop.product;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An order known to be over (rejected, cancelled, or refused credit): stock is no longer reserved for it, and what
 * was reserved is given back. Only the projection writes it.
 */
@Entity
@Table(name = "ended_order")
public class EndedOrder extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public String orderId;

    @Column(name = "ended_by")
    public String endedBy;

    @Column(name = "event_id")
    public String eventId;
}
