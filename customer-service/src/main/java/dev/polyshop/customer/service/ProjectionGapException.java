package dev.polyshop.customer.service;

/** An event arrived before an earlier one of its stream: it is applied once the earlier one was (the message returns). */
public class ProjectionGapException extends RuntimeException {

    public ProjectionGapException(String streamId, long version, long stored) {
        super("customer " + streamId + ": event version " + version + " arrived while the projection is at " + stored);
    }
}
