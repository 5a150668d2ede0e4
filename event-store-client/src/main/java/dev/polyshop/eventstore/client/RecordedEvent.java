package dev.polyshop.eventstore.client;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** An event as the event store recorded it: the body of every message on the events exchange. */
public record RecordedEvent(
        UUID id,
        long position,
        String streamType,
        String streamId,
        long version,
        String type,
        JsonNode data,
        String correlationId,
        String causationId,
        String producer,
        Instant recordedAt) {

    /** The routing key on the events exchange, e.g. {@code order.OrderPlaced}. */
    public String routingKey() {
        return routingKey(streamType, type);
    }

    public static String routingKey(String streamType, String type) {
        return streamType + "." + type;
    }

    public <T> T dataAs(Class<T> type) {
        return EventJson.convert(data, type);
    }

    public boolean isValid() {
        return id != null && streamType != null && streamId != null && type != null && version > 0 && position > 0
                && data != null;
    }
}
