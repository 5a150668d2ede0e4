package dev.polyshop.eventstore.repository;

import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.RecordedEvent;

/**
 * What names a stream: its type and its id together, so that no id sent by a client can reach another type's stream. A
 * stream type has no colon, which keeps {@link #value()} unambiguous.
 */
public record StreamKey(String streamType, String streamId) {

    public static StreamKey of(AppendRequest request) {
        return new StreamKey(request.streamType(), request.streamId());
    }

    public static StreamKey of(RecordedEvent event) {
        return new StreamKey(event.streamType(), event.streamId());
    }

    /** The head document's key, e.g. {@code order:3f2a...}. */
    public String value() {
        return streamType + ":" + streamId;
    }

    @Override
    public String toString() {
        return streamType + " stream " + streamId;
    }
}
