package dev.polyshop.product.service;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.polyshop.problems.ProblemException;

/**
 * Lets changes of the catalog through only while it is whole: not before the service has started (its database
 * possibly rebuilt), and not while a rebuild empties and refills the tables. It starts closed.
 */
@ApplicationScoped
public class CatalogGate {

    private final ReentrantReadWriteLock inFlight = new ReentrantReadWriteLock();
    private volatile boolean open;

    public boolean isOpen() { return open; }

    void open() {
        open = true;
    }

    /** Turns newcomers away, then waits until the changes already in flight are done. */
    void close() {
        open = false;
        inFlight.writeLock().lock();
        inFlight.writeLock().unlock();
    }

    /**
     * Runs a change of the catalog (an HTTP command, or a consumed event).
     *
     * @throws ProblemException 503 while the catalog is starting or being rebuilt
     */
    public <T> T pass(Supplier<T> change) {
        if (!open || !inFlight.readLock().tryLock()) {
            throw unavailable();
        }
        try {
            // The gate may have closed between the check and the lock; close() waits for those inside, not for these.
            if (!open) {
                throw unavailable();
            }
            return change.get();
        } finally {
            inFlight.readLock().unlock();
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "Service unavailable", "the catalog is being rebuilt; try again shortly");
    }
}
