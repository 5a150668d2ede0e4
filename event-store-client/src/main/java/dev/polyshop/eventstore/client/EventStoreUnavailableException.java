package dev.polyshop.eventstore.client;

/**
 * No answer from the event store in time. The request carried the caller's deadline and the store never records a
 * request after it, so it is not recorded later; whether it was recorded just before the deadline is unknown unless
 * {@link #isCertainlyNotRecorded()}. Its event ids are fixed, so retrying the same request is safe either way.
 */
public class EventStoreUnavailableException extends RuntimeException {

    public EventStoreUnavailableException(String message) {
        super(message);
    }

    public EventStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the store said it did not record the request. */
    public boolean isCertainlyNotRecorded() {
        return false;
    }
}
