package dev.polyshop.eventstore.client;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event a service wants recorded. Its id is made by the client, so that sending the same request again is recognised
 * by the event store as a duplicate.
 */
public record NewEvent(UUID id, String type, JsonNode data) {

    public NewEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        data = data == null ? EventJson.mapper().createObjectNode() : data;
    }

    public static NewEvent of(String type, Object data) {
        return new NewEvent(UUID.randomUUID(), type, EventJson.tree(data));
    }

    /**
     * An event whose id is derived from the event it reacts to: however often the cause is delivered, the reaction has
     * one id, and the event store records it once.
     */
    public static NewEvent reactingTo(RecordedEvent cause, String type, Object data) {
        return new NewEvent(derivedId(cause.id(), type), type, EventJson.tree(data));
    }

    public static UUID derivedId(UUID causeId, String discriminator) {
        return UUID.nameUUIDFromBytes((causeId + "/" + discriminator).getBytes(StandardCharsets.UTF_8));
    }
}
