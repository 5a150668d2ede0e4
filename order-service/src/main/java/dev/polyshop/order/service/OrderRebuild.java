package dev.polyshop.order.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.polyshop.eventstore.client.EventReplayer;
import dev.polyshop.eventstore.client.ReplayEnd;
import dev.polyshop.order.Order;
import dev.polyshop.order.OrderHistoryEntry;
import dev.polyshop.order.saga.OrderSagaHandlers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The orders table is a projection: it can be dropped and made again from the event store. That happens when the
 * service starts on an empty database, and when a manager asks.
 */
@ApplicationScoped
public class OrderRebuild {

    private static final Logger LOG = Logger.getLogger(OrderRebuild.class);
    private static final Duration IDLE = Duration.ofSeconds(30);

    private final EventReplayer replayer;
    private final OrderProjection projection;
    private final OrderSagaHandlers handlers;

    public OrderRebuild(EventReplayer replayer, OrderProjection projection, OrderSagaHandlers handlers) {
        this.replayer = replayer;
        this.projection = projection;
        this.handlers = handlers;
    }

    void onStart(@Observes StartupEvent start) throws Exception {
        long orders = QuarkusTransaction.requiringNew().call(() -> Order.count());
        if (orders == 0) {
            replay();
        }
        handlers.start();
    }

    /** Empties the tables and replays every order, product and customer event; consumption pauses meanwhile. */
    public synchronized ReplayEnd rebuild() throws Exception {
        handlers.stop();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                OrderHistoryEntry.deleteAll();
                Order.deleteAll();
            });
            return replay();
        } finally {
            handlers.start();
        }
    }

    private ReplayEnd replay() throws Exception {
        ReplayEnd end = replayer.replay(OrderProjection.STREAM_TYPES, 0, event -> projection.apply(event, false),
                IDLE);
        LOG.infof("rebuilt the orders from %d events (up to position %d)", end.count(), end.lastPosition());
        return end;
    }
}
