package dev.polyshop.eventstore.repository;

import java.util.List;

import dev.polyshop.eventstore.client.RecordedEvent;

/**
 * A stream's current version, and the events of an append that claimed versions but may not be in the log yet. Claiming
 * the versions and the events together in this one document is what makes a multi-event append atomic without
 * transactions: whoever finds pending events completes them. Pending events have no position yet; positions are handed
 * out when they are written to the log.
 */
public record StreamHead(StreamKey key, long version, List<RecordedEvent> pending) {

    public boolean hasPending() {
        return !pending.isEmpty();
    }

    public StreamHead completed() {
        return new StreamHead(key, version, List.of());
    }
}
