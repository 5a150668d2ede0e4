package dev.polyshop.product.service;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.polyshop.eventstore.client.StreamConflictException;
import dev.polyshop.product.CategoryName;
import dev.polyshop.product.Product;
import dev.polyshop.product.config.CatalogConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * After a conflict, waits until this service's database shows the stream at the version the event store reported: the
 * change that won is then known here, and the decision can be taken again on it. Someone applies that change soon: the
 * winner right after its append, or the projection consumer.
 */
@ApplicationScoped
public class ProjectionWait {

    private static final Duration POLL = Duration.ofMillis(20);

    private final Duration patience;

    public ProjectionWait(CatalogConfig config) {
        this.patience = config.conflictWait();
    }

    public void untilProductCaughtUp(StreamConflictException conflict) {
        until(conflict, () -> {
            Product product = Product.findById(conflict.streamId());
            return product == null ? 0 : product.version;
        });
    }

    public void untilNameCaughtUp(StreamConflictException conflict) {
        until(conflict, () -> {
            CategoryName name = CategoryName.findById(conflict.streamId());
            return name == null ? 0 : name.version;
        });
    }

    /** @throws StreamConflictException the same conflict, if the database did not catch up in time */
    private void until(StreamConflictException conflict, LongSupplier projectedVersion) {
        Instant deadline = Instant.now().plus(patience);
        while (QuarkusTransaction.requiringNew().call(projectedVersion::getAsLong) < conflict.currentVersion()) {
            if (Instant.now().isAfter(deadline)) {
                throw conflict;
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the projection", e);
        }
    }
}
