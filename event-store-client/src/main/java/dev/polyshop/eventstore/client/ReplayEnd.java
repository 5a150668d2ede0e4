package dev.polyshop.eventstore.client;

import java.util.UUID;

/** The end marker of a replay: how many events were sent and the position of the last one. */
public record ReplayEnd(UUID requestId, long count, long lastPosition, String error) {
}
