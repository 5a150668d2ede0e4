package dev.polyshop.eventstore.repository;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Decimal128;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Event data between JSON and BSON. Decimal numbers are kept as Decimal128, never as doubles, so that money recorded
 * in an event comes back to the cent.
 */
final class BsonData {

    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    private BsonData() {
    }

    static Document toDocument(JsonNode json) {
        Document document = new Document();
        json.properties().forEach(field -> document.append(field.getKey(), toBson(field.getValue())));
        return document;
    }

    private static Object toBson(JsonNode node) {
        if (node.isObject()) {
            return toDocument(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(toBson(item)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue();
        }
        if (node.isNumber()) {
            return new Decimal128(node.decimalValue());
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.asText();
    }

    static ObjectNode toJson(Document document) {
        ObjectNode object = JSON.objectNode();
        for (Map.Entry<String, Object> entry : document.entrySet()) {
            object.set(entry.getKey(), toJsonValue(entry.getValue()));
        }
        return object;
    }

    private static JsonNode toJsonValue(Object value) {
        return switch (value) {
            case null -> JSON.nullNode();
            case Document document -> toJson(document);
            case List<?> list -> {
                ArrayNode array = JSON.arrayNode();
                list.forEach(item -> array.add(toJsonValue(item)));
                yield array;
            }
            case Decimal128 decimal -> JSON.numberNode(decimal.bigDecimalValue());
            case BigDecimal decimal -> JSON.numberNode(decimal);
            case Integer i -> JSON.numberNode(i);
            case Long l -> JSON.numberNode(l);
            case Double d -> JSON.numberNode(BigDecimal.valueOf(d));
            case Boolean b -> JSON.booleanNode(b);
            default -> JSON.textNode(value.toString());
        };
    }
}
