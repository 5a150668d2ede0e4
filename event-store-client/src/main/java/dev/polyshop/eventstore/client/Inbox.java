package dev.polyshop.eventstore.client;

/**
 * Remembers which events a consumer has processed, so that a redelivered event changes nothing. A service keeps its
 * inbox in its own database, in the same transaction as the changes the event causes.
 */
public interface Inbox {

    /** Runs the handler unless the event was processed before; returns whether it ran. */
    boolean processOnce(RecordedEvent event, EventHandler handler) throws Exception;
}
