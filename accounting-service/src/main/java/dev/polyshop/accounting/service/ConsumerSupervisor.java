package dev.polyshop.accounting.service;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.polyshop.accounting.saga.AccountingSubscriptions;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps the service consuming, on a projection that is complete: at start, and again whenever the consumers are
 * stopped (a failed rebuild, a start while Couchbase, RabbitMQ or the event store was not there yet), it rebuilds the
 * bucket if it holds no complete projection, then subscribes. It works in the background, so the service starts, and
 * reports not ready, while its dependencies are missing.
 */
@ApplicationScoped
public class ConsumerSupervisor {

    private static final Logger LOG = Logger.getLogger(ConsumerSupervisor.class);
    private static final long CHECK_EVERY_SECONDS = 5;

    private final RebuildService rebuilds;
    private final AccountingSubscriptions subscriptions;
    private ScheduledExecutorService checks;

    public ConsumerSupervisor(RebuildService rebuilds, AccountingSubscriptions subscriptions) {
        this.rebuilds = rebuilds;
        this.subscriptions = subscriptions;
    }

    void onStart(@Observes StartupEvent start) {
        checks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "accounting-consumer-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        checks.scheduleWithFixedDelay(this::ensureConsuming, 0, CHECK_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (checks != null) {
            checks.shutdownNow();
        }
    }

    private void ensureConsuming() {
        if (subscriptions.isOpen() || rebuilds.isRunning()) {
            return;
        }
        try {
            rebuilds.rebuildIfIncomplete();
            subscriptions.open();
        } catch (Exception e) {
            LOG.warnf("not consuming yet, will try again in %d s: %s", CHECK_EVERY_SECONDS, e.toString());
        }
    }
}
