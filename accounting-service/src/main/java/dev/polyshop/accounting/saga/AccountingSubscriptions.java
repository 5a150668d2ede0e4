package dev.polyshop.accounting.saga;

import java.io.IOException;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dev.polyshop.accounting.service.InvoiceProjection;
import dev.polyshop.accounting.service.ProcessingGate;
import dev.polyshop.eventstore.client.EventSubscriber;
import dev.polyshop.eventstore.client.Subscription;

/**
 * The service's two durable queues: the projection of its own {@code invoice} streams, and the saga's reactions to
 * order events. Neither needs an inbox: the projection skips versions it has applied, and every reaction checks the
 * state first and derives its event id from its cause, so the event store records it once.
 */
@ApplicationScoped
public class AccountingSubscriptions {

    static final String PROJECTION_QUEUE = "accounting-service.projection";
    static final String SAGA_QUEUE = "accounting-service.saga";

    private final EventSubscriber subscriber;
    private final InvoiceProjection projection;
    private final AccountingSagaHandlers handlers;
    private final ProcessingGate gate;
    private Subscription projectionSubscription;
    private Subscription sagaSubscription;

    public AccountingSubscriptions(EventSubscriber subscriber, InvoiceProjection projection,
            AccountingSagaHandlers handlers, ProcessingGate gate) {
        this.subscriber = subscriber;
        this.projection = projection;
        this.handlers = handlers;
        this.gate = gate;
    }

    public synchronized void open() throws IOException {
        if (projectionSubscription == null) {
            projectionSubscription = subscriber.subscribe(PROJECTION_QUEUE,
                    List.of(InvoiceProjection.STREAM_TYPE + ".*"), gate.guard(projection::apply));
        }
        if (sagaSubscription == null) {
            sagaSubscription = subscriber.subscribe(SAGA_QUEUE, AccountingSagaHandlers.ROUTING_KEYS,
                    gate.guard(handlers::handle));
        }
    }

    public synchronized boolean isOpen() { return projectionSubscription != null && sagaSubscription != null; }

    /** Stops consuming; what is not acknowledged yet stays in the queues. */
    @PreDestroy
    public synchronized void close() {
        if (projectionSubscription != null) {
            projectionSubscription.close();
            projectionSubscription = null;
        }
        if (sagaSubscription != null) {
            sagaSubscription.close();
            sagaSubscription = null;
        }
    }
}
