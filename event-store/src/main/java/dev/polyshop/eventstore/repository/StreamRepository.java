package dev.polyshop.eventstore.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;

import dev.polyshop.eventstore.client.RecordedEvent;

/** One head document per stream, changed only by compare-and-set on its version. */
@ApplicationScoped
public class StreamRepository {

    private final MongoCollection<Document> heads;

    public StreamRepository(EventStoreDatabase database) {
        this.heads = database.collection("streams");
    }

    public Optional<StreamHead> find(String streamId) {
        return Optional.ofNullable(heads.find(eq("_id", streamId)).first()).map(StreamRepository::toHead);
    }

    /** Claims the first versions of a new stream; false if the stream was created meanwhile. */
    public boolean tryCreate(String streamId, String streamType, List<RecordedEvent> pending) {
        try {
            heads.insertOne(new Document("_id", streamId)
                    .append("streamType", streamType)
                    .append("version", pending.getLast().version())
                    .append("pending", documents(pending)));
            return true;
        } catch (MongoWriteException e) {
            if (EventStoreDatabase.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Claims the next versions if the stream is still at {@code fromVersion} with nothing pending. */
    public boolean tryAdvance(String streamId, long fromVersion, List<RecordedEvent> pending) {
        return heads.updateOne(
                and(eq("_id", streamId), eq("version", fromVersion), exists("pending", false)),
                Updates.combine(Updates.set("version", pending.getLast().version()),
                        Updates.set("pending", documents(pending))))
                .getModifiedCount() == 1;
    }

    public void clearPending(String streamId, long version) {
        heads.updateOne(and(eq("_id", streamId), eq("version", version)), Updates.unset("pending"));
    }

    public List<StreamHead> findWithPending() {
        List<StreamHead> found = new ArrayList<>();
        heads.find(exists("pending", true)).forEach(document -> found.add(toHead(document)));
        return found;
    }

    private static List<Document> documents(List<RecordedEvent> events) {
        return events.stream().map(EventDocuments::toDocument).toList();
    }

    private static StreamHead toHead(Document document) {
        List<RecordedEvent> pending = document.getList("pending", Document.class, List.of()).stream()
                .map(EventDocuments::toEvent).toList();
        return new StreamHead(document.getString("_id"), document.getString("streamType"),
                document.get("version", Number.class).longValue(), pending);
    }
}
