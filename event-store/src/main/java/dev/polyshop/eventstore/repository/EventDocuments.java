package dev.polyshop.eventstore.repository;

import java.util.Date;
import java.util.UUID;

import org.bson.Document;

import dev.polyshop.eventstore.client.RecordedEvent;

/** How a recorded event is stored: one document per event, keyed by its client-made id. */
final class EventDocuments {

    private EventDocuments() {
    }

    static Document toDocument(RecordedEvent event) {
        return new Document("_id", event.id().toString())
                .append("position", event.position())
                .append("streamType", event.streamType())
                .append("streamId", event.streamId())
                .append("version", event.version())
                .append("type", event.type())
                .append("data", BsonData.toDocument(event.data()))
                .append("correlationId", event.correlationId())
                .append("causationId", event.causationId())
                .append("producer", event.producer())
                .append("recordedAt", Date.from(event.recordedAt()));
    }

    static RecordedEvent toEvent(Document document) {
        return new RecordedEvent(
                UUID.fromString(document.getString("_id")),
                document.get("position", Number.class).longValue(),
                document.getString("streamType"),
                document.getString("streamId"),
                document.get("version", Number.class).longValue(),
                document.getString("type"),
                BsonData.toJson(document.get("data", Document.class)),
                document.getString("correlationId"),
                document.getString("causationId"),
                document.getString("producer"),
                document.getDate("recordedAt").toInstant());
    }
}
