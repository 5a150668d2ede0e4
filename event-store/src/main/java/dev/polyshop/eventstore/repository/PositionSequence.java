package dev.polyshop.eventstore.repository;

import static com.mongodb.client.model.Filters.eq;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/** The global position counter: an atomic increment on one document. */
@ApplicationScoped
public class PositionSequence {

    private static final String KEY = "position";

    private final MongoCollection<Document> counters;

    public PositionSequence(EventStoreDatabase database) {
        this.counters = database.collection("counters");
    }

    /**
     * Reserves {@code count} consecutive positions and returns the first. The increment is atomic on MongoDB; the
     * lock makes it so within this process on any server.
     */
    public synchronized long reserve(int count) {
        Document counter = counters.findOneAndUpdate(eq("_id", KEY), Updates.inc("value", (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return counter.get("value", Number.class).longValue() - count + 1;
    }
}
