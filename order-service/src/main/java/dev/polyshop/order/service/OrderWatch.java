package dev.polyshop.order.service;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Wakes the requests that wait for an order (Prefer: wait, the live stream) as soon as this instance changed it. An
 * order changed by another instance is seen by the waiters' periodic re-read instead.
 */
@ApplicationScoped
public class OrderWatch {

    private final Map<UUID, Object> monitors = new ConcurrentHashMap<>();

    public void changed(UUID orderId) {
        Object monitor = monitors.get(orderId);
        if (monitor != null) {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
    }

    /** Blocks until the order changes here, or at most {@code timeout}. */
    public void awaitChange(UUID orderId, Duration timeout) throws InterruptedException {
        Object monitor = monitors.computeIfAbsent(orderId, id -> new Object());
        synchronized (monitor) {
            monitor.wait(Math.max(1, timeout.toMillis()));
        }
    }

    public void forget(UUID orderId) {
        monitors.remove(orderId);
    }
}
