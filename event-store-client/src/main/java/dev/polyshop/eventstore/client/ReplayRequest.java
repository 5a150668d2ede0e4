package dev.polyshop.eventstore.client;

import java.util.List;
import java.util.UUID;

/** Asks the event store to send every event of the given stream types after a position, in position order. */
public record ReplayRequest(UUID requestId, List<String> streamTypes, long afterPosition) {

    /** The header that marks the last message of a replay; its body is a {@link ReplayEnd}. */
    public static final String END_HEADER = "polyshop-replay-end";

    public ReplayRequest {
        streamTypes = streamTypes == null ? List.of() : List.copyOf(streamTypes);
    }
}
