package dev.polyshop.eventstore.client;

/**
 * No answer from the event store in time. The request may still be recorded later; since its event ids are fixed,
 * retrying it is safe.
 */
public class EventStoreUnavailableException extends RuntimeException {

    public EventStoreUnavailableException(String message) {
        super(message);
    }

    public EventStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
