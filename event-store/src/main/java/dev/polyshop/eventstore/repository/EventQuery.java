package dev.polyshop.eventstore.repository;

import java.util.Optional;

/** A search of the log; every filter is optional, results come by position. */
public record EventQuery(
        Optional<String> streamId,
        Optional<String> streamType,
        Optional<String> type,
        Optional<String> correlationId,
        long afterPosition,
        int limit) {
}
