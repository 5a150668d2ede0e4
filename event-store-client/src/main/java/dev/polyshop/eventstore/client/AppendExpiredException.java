package dev.polyshop.eventstore.client;

/**
 * The event store answered that the request reached it after its deadline. Unlike a plain
 * {@link EventStoreUnavailableException}, this one is certain: nothing was recorded, and it never will be.
 */
public class AppendExpiredException extends EventStoreUnavailableException {

    public AppendExpiredException(String message) {
        super(message);
    }

    @Override
    public boolean isCertainlyNotRecorded() { return true; }
}
