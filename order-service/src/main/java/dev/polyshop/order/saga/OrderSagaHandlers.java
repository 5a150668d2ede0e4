package dev.polyshop.order.saga;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.polyshop.eventstore.client.EventSubscriber;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.eventstore.client.Subscription;
import dev.polyshop.order.service.OrderService;

/**
 * What order-service does in the saga: it follows the reservations made for its orders and decides each order's
 * outcome. Its own stream's events are applied by a second, separate consumer, so a decision that waits for a
 * concurrent change to arrive never waits behind itself.
 */
@ApplicationScoped
public class OrderSagaHandlers {

    private static final Logger LOG = Logger.getLogger(OrderSagaHandlers.class);

    /**
     * product-service refuses an order for a product that never existed on a {@code missing-product} stream of the
     * order's own, not on a product stream: that refusal counts like any other.
     */
    static final List<String> SAGA_EVENTS = List.of("product.StockReserved", "product.StockReservationFailed",
            "missing-product.StockReservationFailed", "product.StockReleased", "customer.CreditReserved",
            "customer.CreditReservationFailed", "customer.CreditReleased");

    private final EventSubscriber subscriber;
    private final OrderService orders;
    private Subscription projection;
    private Subscription saga;

    public OrderSagaHandlers(EventSubscriber subscriber, OrderService orders) {
        this.subscriber = subscriber;
        this.orders = orders;
    }

    public synchronized void start() throws IOException {
        if (projection == null) {
            projection = subscriber.subscribe("order-service.projection", List.of("order.*"), orders::apply);
            saga = subscriber.subscribe("order-service.saga", SAGA_EVENTS, this::on);
        }
    }

    /** Stops consuming; the messages wait in their queues, e.g. while the database is rebuilt. */
    public synchronized void stop() {
        if (projection != null) {
            projection.close();
            saga.close();
            projection = null;
            saga = null;
        }
    }

    void on(RecordedEvent event) {
        orders.apply(event);
        UUID orderId = UUID.fromString(event.data().path("orderId").asText());
        switch (event.type()) {
            case "CreditReserved" -> orders.approveIfPending(orderId, event);
            case "StockReservationFailed" -> orders.rejectIfPending(orderId, event.data().path("reason").asText(),
                    event);
            case "CreditReservationFailed" -> orders.rejectIfPending(orderId, "INSUFFICIENT_CREDIT", event);
            default -> LOG.debugf("%s for order %s recorded", event.type(), orderId);
        }
    }
}
