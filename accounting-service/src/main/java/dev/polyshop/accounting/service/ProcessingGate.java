package dev.polyshop.accounting.service;

import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import jakarta.enterprise.context.ApplicationScoped;

import dev.polyshop.eventstore.client.EventHandler;
import dev.polyshop.eventstore.client.RecordedEvent;

/**
 * Keeps message handling and a rebuild apart. Handlers pass the gate together; a rebuild waits until the handlers
 * under way are done and keeps new ones out, so that nothing writes into the bucket while it is wiped and refilled. A
 * handler that meets a rebuild does not wait (that would hold a RabbitMQ dispatch thread the rebuild's own replay may
 * need): it fails, and its message comes back later.
 */
@ApplicationScoped
public class ProcessingGate {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    public EventHandler guard(EventHandler handler) {
        return event -> pass(event, handler);
    }

    private void pass(RecordedEvent event, EventHandler handler) throws Exception {
        if (!lock.readLock().tryLock()) {
            throw new IllegalStateException("rebuilding; " + event.routingKey() + " " + event.id() + " waits");
        }
        try {
            handler.handle(event);
        } finally {
            lock.readLock().unlock();
        }
    }

    public <T> T exclusively(Callable<T> work) throws Exception {
        lock.writeLock().lock();
        try {
            return work.call();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
