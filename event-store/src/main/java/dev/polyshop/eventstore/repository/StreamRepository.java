package dev.polyshop.eventstore.repository;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import dev.polyshop.eventstore.client.RecordedEvent;

/**
 * One head document per stream, changed only by compare-and-set on its version. Every filter is the key alone or the
 * key with the version, each matched by an index of its own (the in-process MongoDB uses an index only when the
 * filter's fields are exactly the index's), so no append reads or writes more than its own heads.
 */
@ApplicationScoped
public class StreamRepository {

    private final MongoCollection<Document> heads;
    private final MongoCollection<Document> unsyncedHeads;

    public StreamRepository(EventStoreDatabase database) {
        this.heads = database.collection("heads");
        this.unsyncedHeads = database.unsynced(heads);
    }

    public void createIndexes() {
        heads.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
    }

    /** A claim of the versions after {@code fromVersion} for the events pending in it, made before a deadline. */
    public record Claim(StreamKey key, long fromVersion, List<RecordedEvent> pending, Instant deadline) {

        long toVersion() {
            return pending.getLast().version();
        }
    }

    public Map<StreamKey, StreamHead> findAll(Collection<StreamKey> keys) {
        Map<String, StreamKey> byValue = new HashMap<>();
        keys.forEach(key -> byValue.put(key.value(), key));
        Map<StreamKey, StreamHead> found = new HashMap<>();
        heads.find(in("_id", byValue.keySet())).forEach(document -> {
            StreamHead head = toHead(document);
            found.put(head.key(), head);
        });
        return found;
    }

    /**
     * Claims the versions of every claim whose stream is still at its {@code fromVersion}, in one round trip. A claim on
     * a stream at another version upserts a second document under the same key, which the key's unique index refuses:
     * that is how a lost race shows, per claim. Not synced: the events' durable write that follows syncs it too.
     *
     * @return the claims that lost
     */
    public Set<Claim> claim(List<Claim> claims) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Claim claim : claims) {
            writes.add(new UpdateOneModel<>(at(claim.key(), claim.fromVersion()),
                    Updates.combine(Updates.set("version", claim.toVersion()),
                            Updates.set("streamType", claim.key().streamType()),
                            Updates.set("streamId", claim.key().streamId()),
                            Updates.set("pending", documents(claim.pending())),
                            Updates.set("pendingDeadline", claim.deadline() == null
                                    ? null
                                    : Date.from(claim.deadline()))),
                    new UpdateOptions().upsert(true)));
        }
        try {
            unsyncedHeads.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException e) {
            if (!EventStoreDatabase.onlyDuplicateKeys(e)) {
                throw e;
            }
            Set<Claim> lost = new HashSet<>();
            e.getWriteErrors().forEach(error -> lost.add(claims.get(error.getIndex())));
            return lost;
        }
    }

    /** Marks the heads' pending events as written to the log. */
    public void clearPending(Collection<StreamHead> completed) {
        if (completed.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (StreamHead head : completed) {
            writes.add(new UpdateOneModel<>(at(head.key(), head.version()),
                    Updates.combine(Updates.unset("pending"), Updates.unset("pendingDeadline"))));
        }
        unsyncedHeads.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /**
     * Takes back claims whose events were never written: their requests' deadlines passed, or their event ids belong to
     * other events. Each is taken back only if its head still holds it.
     */
    public void withdraw(Collection<StreamHead> claims) {
        if (claims.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (StreamHead claim : claims) {
            if (claim.claimedFrom() == 0) {
                writes.add(new DeleteOneModel<>(at(claim.key(), claim.version())));
            } else {
                writes.add(new UpdateOneModel<>(at(claim.key(), claim.version()),
                        Updates.combine(Updates.set("version", claim.claimedFrom()), Updates.unset("pending"),
                                Updates.unset("pendingDeadline"))));
            }
        }
        unsyncedHeads.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /** Every head with pending events: read once at start, to complete the appends a crash interrupted. */
    public List<StreamHead> findWithPending() {
        List<StreamHead> found = new ArrayList<>();
        heads.find(exists("pending", true)).forEach(document -> found.add(toHead(document)));
        return found;
    }

    public boolean isEmpty() { return heads.find().limit(1).first() == null; }

    /**
     * Writes the heads of every stream in the log, for a log kept before heads were keyed by type and id. Run at start
     * on an empty heads collection only.
     */
    public int rebuildFrom(MongoCollection<Document> events) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        events.aggregate(List.of(Aggregates.group(new Document("streamType", "$streamType").append("streamId",
                "$streamId"), Accumulators.max("version", "$version")))).forEach(group -> {
                    Document id = group.get("_id", Document.class);
                    StreamKey key = new StreamKey(id.getString("streamType"), id.getString("streamId"));
                    writes.add(new UpdateOneModel<>(eq("_id", key.value()),
                            Updates.combine(Updates.set("version", group.get("version", Number.class).longValue()),
                                    Updates.set("streamType", key.streamType()),
                                    Updates.set("streamId", key.streamId())),
                            new UpdateOptions().upsert(true)));
                });
        if (!writes.isEmpty()) {
            heads.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
        return writes.size();
    }

    static Bson at(StreamKey key, long version) {
        // Not Filters.and(...), which renders as {$and: [...]}: the key and the version side by side in one document
        // are what the (_id, version) index matches.
        return new Document("_id", key.value()).append("version", version);
    }

    private static List<Document> documents(List<RecordedEvent> events) {
        return events.stream().map(EventDocuments::toDocument).toList();
    }

    private static StreamHead toHead(Document document) {
        List<RecordedEvent> pending = document.getList("pending", Document.class, List.of()).stream()
                .map(EventDocuments::toEvent).toList();
        Date deadline = document.getDate("pendingDeadline");
        return new StreamHead(new StreamKey(document.getString("streamType"), document.getString("streamId")),
                document.get("version", Number.class).longValue(), pending,
                deadline == null ? null : deadline.toInstant());
    }
}
