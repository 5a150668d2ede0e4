package dev.polyshop.eventstore.repository;

import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Sorts.ascending;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;

import dev.polyshop.eventstore.client.RecordedEvent;

/**
 * Events recorded but not yet confirmed as published, by id and position: the events themselves are read from the log,
 * so that an append writes each event once. An entry leaves only when RabbitMQ confirmed its event, so a
 * crash between recording and publishing delays an event but never loses it.
 */
@ApplicationScoped
public class OutboxRepository {

    private final MongoCollection<Document> outbox;
    private final MongoCollection<Document> unsyncedOutbox;

    public OutboxRepository(EventStoreDatabase database) {
        this.outbox = database.collection("outbox");
        this.unsyncedOutbox = database.unsynced(outbox);
    }

    /**
     * Adds the entries durably: the one synced write of an append, which makes its events (written just before) and
     * its claim durable too. Only then is the append recorded.
     */
    public void add(List<RecordedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Document> entries = events.stream()
                .map(event -> new Document("_id", event.id().toString())
                        .append("position", event.position())
                        .append("queuedAt", new Date()))
                .toList();
        try {
            outbox.insertMany(entries, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (!EventStoreDatabase.onlyDuplicateKeys(e)) {
                throw e;
            }
        }
    }

    public void remove(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        unsyncedOutbox.deleteMany(in("_id", ids.stream().map(UUID::toString).toList()));
    }

    /** The ids of the events queued before {@code instant}, by position; the events themselves are in the log. */
    public List<UUID> queuedBefore(Instant instant) {
        List<UUID> found = new ArrayList<>();
        outbox.find(lt("queuedAt", Date.from(instant))).sort(ascending("position"))
                .forEach(entry -> found.add(UUID.fromString(entry.getString("_id"))));
        return found;
    }

    public long size() {
        return outbox.countDocuments();
    }
}
