package dev.polyshop.eventstore.repository;

import java.time.Instant;
import java.util.List;

import dev.polyshop.eventstore.client.RecordedEvent;

/**
 * A stream's current version, and the events of an append that claimed versions but may not be in the log yet. Claiming
 * the versions and the events together in this one document is what makes a multi-event append atomic without
 * transactions. Pending events have no position yet; positions are handed out when they are written to the log. A claim
 * whose events are not in the log yet is not recorded: whoever finds it completes it, or, once the deadline of the
 * request that made it has passed, takes it back ({@code deadline} null: no deadline).
 */
public record StreamHead(StreamKey key, long version, List<RecordedEvent> pending, Instant deadline) {

    public static StreamHead claimed(StreamKey key, List<RecordedEvent> pending, Instant deadline) {
        return new StreamHead(key, pending.getLast().version(), pending, deadline);
    }

    public boolean hasPending() {
        return !pending.isEmpty();
    }

    /** The version before the pending events. */
    public long claimedFrom() {
        return version - pending.size();
    }

    public boolean isPastDeadline(Instant now) {
        return deadline != null && !now.isBefore(deadline);
    }

    public StreamHead completed() {
        return new StreamHead(key, version, List.of(), null);
    }

    public StreamHead withdrawn() {
        return new StreamHead(key, claimedFrom(), List.of(), null);
    }
}
