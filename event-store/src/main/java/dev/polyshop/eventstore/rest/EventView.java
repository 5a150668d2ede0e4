package dev.polyshop.eventstore.rest;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.polyshop.eventstore.client.RecordedEvent;

/** An event as managers read it. Secrets in its data (password hashes) are replaced, at any depth. */
public record EventView(
        String id,
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

    private static final Pattern SECRET = Pattern.compile("(?i).*(password|hash|secret|token).*");
    static final TextNode REDACTED = TextNode.valueOf("[redacted]");

    static EventView of(RecordedEvent event) {
        return new EventView(event.id().toString(), event.position(), event.streamType(), event.streamId(),
                event.version(), event.type(), redact(event.data().deepCopy()), event.correlationId(),
                event.causationId(), event.producer(), event.recordedAt());
    }

    private static JsonNode redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (SECRET.matcher(field.getKey()).matches()) {
                    field.setValue(REDACTED);
                } else {
                    redact(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(EventView::redact);
        }
        return node;
    }
}
