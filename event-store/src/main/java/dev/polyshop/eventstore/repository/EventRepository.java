package dev.polyshop.eventstore.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Sorts.ascending;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;

import dev.polyshop.eventstore.client.RecordedEvent;

/**
 * The append-only log: one document per event. The unique (streamId, version) index is the last guard of optimistic
 * concurrency: no two events can ever hold the same place in a stream.
 */
@ApplicationScoped
public class EventRepository {

    private final MongoCollection<Document> events;

    public EventRepository(EventStoreDatabase database) {
        this.events = database.collection("events");
    }

    public void createIndexes() {
        events.createIndex(Indexes.ascending("streamId", "version"), new IndexOptions().unique(true));
        events.createIndex(Indexes.ascending("position"), new IndexOptions().unique(true));
        events.createIndex(Indexes.ascending("correlationId"));
        events.createIndex(Indexes.ascending("streamType", "position"));
    }

    /**
     * Inserts the events. An event already there as it is (a completion that ran before) is fine; any other collision
     * means the log would not hold what was claimed, and fails the append instead of losing an event.
     */
    public void insert(List<RecordedEvent> recorded) {
        List<Document> documents = recorded.stream().map(EventDocuments::toDocument).toList();
        try {
            events.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (!EventStoreDatabase.onlyDuplicateKeys(e)) {
                throw e;
            }
            for (var error : e.getWriteErrors()) {
                RecordedEvent wanted = recorded.get(error.getIndex());
                Document stored = events.find(eq("_id", wanted.id().toString())).first();
                if (stored == null || !wanted.streamId().equals(stored.getString("streamId"))
                        || stored.get("version", Number.class).longValue() != wanted.version()) {
                    throw new IllegalStateException("event " + wanted.id() + " cannot take version "
                            + wanted.version() + " of " + wanted.streamId() + ": " + error.getMessage());
                }
            }
        }
    }

    /** A lookup by key, the one read that is indexed on every MongoDB server, the in-process one included. */
    public boolean contains(UUID id) {
        return events.find(eq("_id", id.toString())).limit(1).first() != null;
    }

    public List<RecordedEvent> findByIds(Collection<UUID> ids) {
        List<String> keys = ids.stream().map(UUID::toString).toList();
        return find(in("_id", keys), ascending("position"), 0);
    }

    public List<RecordedEvent> findStream(String streamId) {
        return find(eq("streamId", streamId), ascending("version"), 0);
    }

    public List<RecordedEvent> query(EventQuery query) {
        List<Bson> filters = new ArrayList<>();
        query.streamId().ifPresent(value -> filters.add(eq("streamId", value)));
        query.streamType().ifPresent(value -> filters.add(eq("streamType", value)));
        query.type().ifPresent(value -> filters.add(eq("type", value)));
        query.correlationId().ifPresent(value -> filters.add(eq("correlationId", value)));
        filters.add(gt("position", query.afterPosition()));
        return find(and(filters), ascending("position"), query.limit());
    }

    /** Streams the events of some stream types after a position, in position order, without loading them all. */
    public void forEachAfter(Collection<String> streamTypes, long afterPosition, Consumer<RecordedEvent> consumer) {
        Bson filter = streamTypes.isEmpty()
                ? gt("position", afterPosition)
                : and(in("streamType", streamTypes), gt("position", afterPosition));
        events.find(filter).sort(ascending("position")).batchSize(500)
                .forEach(document -> consumer.accept(EventDocuments.toEvent(document)));
    }

    private List<RecordedEvent> find(Bson filter, Bson sort, int limit) {
        List<RecordedEvent> found = new ArrayList<>();
        events.find(filter).sort(sort).limit(limit).forEach(document -> found.add(EventDocuments.toEvent(document)));
        return found;
    }
}
