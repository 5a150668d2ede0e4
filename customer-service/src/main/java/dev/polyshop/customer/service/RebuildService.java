package dev.polyshop.customer.service;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.polyshop.customer.CustomerEvents;
import dev.polyshop.customer.config.CustomerConfig;
import dev.polyshop.customer.repository.CustomerRepository;
import dev.polyshop.customer.saga.OrderEnded;
import dev.polyshop.eventstore.client.EventReplayer;
import dev.polyshop.eventstore.client.EventStoreUnavailableException;
import dev.polyshop.eventstore.client.ReplayEnd;

/**
 * Rebuilds Redis from the event store: the customer streams through the projection's own apply code, and the ends of
 * orders (the saga's memory of which orders may no longer reserve credit) from the order streams.
 */
@ApplicationScoped
public class RebuildService {

    public record RebuildReport(long customers, long customerEvents, long lastPosition) {
    }

    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    private static final List<String> STREAM_TYPES = List.of(CustomerEvents.STREAM_TYPE, "order");

    private final EventReplayer replayer;
    private final CustomerRepository customers;
    private final CustomerProjection projection;
    private final EventConsumers consumers;
    private final Duration idleTimeout;

    public RebuildService(EventReplayer replayer, CustomerRepository customers, CustomerProjection projection,
            EventConsumers consumers, CustomerConfig config) {
        this.replayer = replayer;
        this.customers = customers;
        this.projection = projection;
        this.consumers = consumers;
        this.idleTimeout = config.rebuild().idleTimeout();
    }

    /**
     * Empties this service's keys and replays the log into them. This instance stops consuming meanwhile, so that no
     * saga decision is made on a half-built projection; what arrives waits in the queues.
     */
    public synchronized RebuildReport rebuild() {
        consumers.stop();
        try {
            int wiped = customers.wipe();
            LOG.infof("rebuilding: deleted the keys of %d customers", wiped);
            return replay();
        } finally {
            consumers.start();
        }
    }

    /** Fills an empty Redis from the log, before the consumers start. */
    public synchronized RebuildReport replayIntoEmpty() {
        return replay();
    }

    /**
     * @throws EventStoreUnavailableException if the event store did not answer or could not replay: a dependency is
     *         down, not a bug of this service
     */
    private RebuildReport replay() {
        AtomicLong customerEvents = new AtomicLong();
        ReplayEnd end;
        try {
            end = replayer.replay(STREAM_TYPES, 0, event -> {
                if (CustomerEvents.STREAM_TYPE.equals(event.streamType())) {
                    projection.apply(event);
                    customerEvents.incrementAndGet();
                } else if (OrderEnded.isOne(event)) {
                    customers.markEnded(OrderEnded.orderId(event));
                }
            }, idleTimeout);
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreUnavailableException("interrupted while replaying", e);
        } catch (Exception e) {
            throw new EventStoreUnavailableException("the replay failed: " + e.getMessage(), e);
        }
        RebuildReport report = new RebuildReport(customers.count(), customerEvents.get(), end.lastPosition());
        LOG.infof("rebuilt %d customers from %d customer events (log position %d)", report.customers(),
                report.customerEvents(), report.lastPosition());
        return report;
    }
}
