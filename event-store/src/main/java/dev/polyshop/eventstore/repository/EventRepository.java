package dev.polyshop.eventstore.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Sorts.ascending;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;

import dev.polyshop.eventstore.client.RecordedEvent;

/**
 * The append-only log: one document per event. The unique (streamType, streamId, version) index is the last guard of
 * optimistic concurrency: no two events can ever hold the same place in a stream.
 */
@ApplicationScoped
public class EventRepository {

    /**
     * How long a reader waits at a hole in the positions before passing it. A position is handed out just before its
     * event is written, so a hole younger than this is an append still being written; an older one is a position
     * whose append failed, which stays empty for good.
     */
    static final Duration HOLE_PATIENCE = Duration.ofSeconds(10);
    private static final String OLD_STREAM_VERSION_INDEX = "streamId_1_version_1";

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> unsyncedEvents;

    public EventRepository(EventStoreDatabase database) {
        this.events = database.collection("events");
        this.unsyncedEvents = database.unsynced(events);
    }

    public void createIndexes() {
        for (Document index : events.listIndexes()) {
            if (OLD_STREAM_VERSION_INDEX.equals(index.getString("name"))) {
                // Streams were once named by id alone; that index would make two types' streams collide.
                events.dropIndex(OLD_STREAM_VERSION_INDEX);
            }
        }
        events.createIndex(Indexes.ascending("streamType", "streamId", "version"), new IndexOptions().unique(true));
        events.createIndex(Indexes.ascending("position"), new IndexOptions().unique(true));
        events.createIndex(Indexes.ascending("correlationId"));
        events.createIndex(Indexes.ascending("streamType", "position"));
    }

    public MongoCollection<Document> collection() {
        return events;
    }

    /** An event the log holds under the same id but elsewhere: the append that brought it can never be written. */
    public static final class IdTakenException extends RuntimeException {

        private final transient RecordedEvent wanted;

        IdTakenException(RecordedEvent wanted, String detail) {
            super("event " + wanted.id() + " cannot take version " + wanted.version() + " of "
                    + StreamKey.of(wanted) + ": " + detail);
            this.wanted = wanted;
        }

        public RecordedEvent wanted() {
            return wanted;
        }
    }

    /**
     * Writes the events in one round trip, not synced (the outbox entries written next are), and returns them as the
     * log holds them. An event already there at its place (written by a completion that ran before) comes back as it
     * was written then.
     *
     * @throws IdTakenException for an event whose id another event of the log has
     */
    public List<RecordedEvent> insert(List<RecordedEvent> recorded) {
        if (recorded.isEmpty()) {
            return List.of();
        }
        List<Document> documents = recorded.stream().map(EventDocuments::toDocument).toList();
        try {
            unsyncedEvents.insertMany(documents, new InsertManyOptions().ordered(false));
            return recorded;
        } catch (MongoBulkWriteException e) {
            if (!EventStoreDatabase.onlyDuplicateKeys(e)) {
                throw e;
            }
            return asStored(recorded, e.getWriteErrors());
        }
    }

    private List<RecordedEvent> asStored(List<RecordedEvent> recorded, List<BulkWriteError> errors) {
        List<RecordedEvent> wanted = errors.stream().map(error -> recorded.get(error.getIndex())).toList();
        Map<UUID, RecordedEvent> stored = findByIds(wanted.stream().map(RecordedEvent::id).toList());
        List<RecordedEvent> result = new ArrayList<>(recorded);
        for (BulkWriteError error : errors) {
            RecordedEvent event = recorded.get(error.getIndex());
            RecordedEvent there = stored.get(event.id());
            if (there == null || !StreamKey.of(there).equals(StreamKey.of(event))
                    || there.version() != event.version()) {
                throw new IdTakenException(event, error.getMessage());
            }
            result.set(error.getIndex(), there);
        }
        return result;
    }

    /**
     * Removes events of a withdrawn claim that were written before one of them failed. They were never published nor
     * acknowledged; the filter names each one exactly, so the event that holds the id elsewhere stays.
     */
    public void removeUnpublished(List<RecordedEvent> claimed) {
        for (RecordedEvent event : claimed) {
            events.deleteOne(new Document("_id", event.id().toString()).append("streamType", event.streamType())
                    .append("streamId", event.streamId()).append("version", event.version()));
        }
    }

    /** Looks events up by id, through the one index every MongoDB server uses, the in-process one included. */
    public Map<UUID, RecordedEvent> findByIds(Collection<UUID> ids) {
        Map<UUID, RecordedEvent> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        events.find(in("_id", ids.stream().map(UUID::toString).toList()))
                .forEach(document -> {
                    RecordedEvent event = EventDocuments.toEvent(document);
                    found.put(event.id(), event);
                });
        return found;
    }

    /** A stream's events by version; without a type, every stream of that id (types may share ids). */
    public List<RecordedEvent> findStream(Optional<String> streamType, String streamId) {
        Bson filter = streamType.map(type -> and(eq("streamType", type), eq("streamId", streamId)))
                .orElse(eq("streamId", streamId));
        List<RecordedEvent> found = new ArrayList<>();
        events.find(filter).sort(ascending("streamType", "version"))
                .forEach(document -> found.add(EventDocuments.toEvent(document)));
        return found;
    }

    /**
     * A page of the log by position, ending before any position still being written: before the first position this
     * process has handed out and not yet written ({@code writtenUpTo}), and, for an unfiltered page, before a recent
     * hole (another instance's append still being written). A reader paging with {@code afterPosition} so never passes
     * an event that shows up later.
     */
    public List<RecordedEvent> query(EventQuery query, long writtenUpTo) {
        List<Bson> filters = new ArrayList<>();
        query.streamId().ifPresent(value -> filters.add(eq("streamId", value)));
        query.streamType().ifPresent(value -> filters.add(eq("streamType", value)));
        query.type().ifPresent(value -> filters.add(eq("type", value)));
        query.correlationId().ifPresent(value -> filters.add(eq("correlationId", value)));
        boolean filtered = !filters.isEmpty();
        filters.add(gt("position", query.afterPosition()));
        filters.add(lte("position", writtenUpTo));
        List<RecordedEvent> page = new ArrayList<>();
        events.find(and(filters)).sort(ascending("position")).limit(query.limit())
                .forEach(document -> page.add(EventDocuments.toEvent(document)));
        return filtered ? page : beforeRecentHole(query.afterPosition(), page, Instant.now());
    }

    /**
     * Cuts an unfiltered page at the first missing position whose next event is younger than {@link #HOLE_PATIENCE}:
     * that event was recorded so recently that the missing one may still be on its way.
     */
    static List<RecordedEvent> beforeRecentHole(long afterPosition, List<RecordedEvent> page, Instant now) {
        Instant patience = now.minus(HOLE_PATIENCE);
        long expected = afterPosition + 1;
        for (int i = 0; i < page.size(); i++) {
            RecordedEvent event = page.get(i);
            if (event.position() != expected && event.recordedAt().isAfter(patience)) {
                return page.subList(0, i);
            }
            expected = event.position() + 1;
        }
        return page;
    }

    /** Streams the events of some stream types after a position, in position order, without loading them all. */
    public void forEachAfter(Collection<String> streamTypes, long afterPosition, Consumer<RecordedEvent> consumer) {
        Bson filter = streamTypes.isEmpty()
                ? gt("position", afterPosition)
                : and(in("streamType", streamTypes), gt("position", afterPosition));
        events.find(filter).sort(ascending("position")).batchSize(500)
                .forEach(document -> consumer.accept(EventDocuments.toEvent(document)));
    }
}
