package dev.polyshop.eventstore.client;

/** The event store refused the request as invalid; sending it again cannot succeed. */
public class AppendRejectedException extends RuntimeException {

    public AppendRejectedException(String reason) {
        super(reason);
    }
}
