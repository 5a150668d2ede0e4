package dev.polyshop.eventstore.repository;

import static com.mongodb.client.model.Filters.eq;

import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * The global position counter, an atomic increment on one document, and the positions this process has handed out
 * but not yet written, which readers must not pass.
 */
@ApplicationScoped
public class PositionSequence {

    private static final String KEY = "position";

    private final MongoCollection<Document> counters;
    /** First position of each range handed out and not yet written, with its count of ranges starting there. */
    private final TreeMap<Long, Integer> inFlight = new TreeMap<>();

    public PositionSequence(EventStoreDatabase database) {
        this.counters = database.unsynced(database.collection("counters"));
    }

    /**
     * Reserves {@code count} consecutive positions and returns the first; they stay in flight until
     * {@link #written(long)}. Not synced: the durable write of the events that take them syncs the counter too, and
     * positions of events never written may be handed out again.
     */
    public long reserve(int count) {
        Document counter = counters.findOneAndUpdate(eq("_id", KEY), Updates.inc("value", (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        long first = counter.get("value", Number.class).longValue() - count + 1;
        synchronized (inFlight) {
            inFlight.merge(first, 1, Integer::sum);
        }
        return first;
    }

    /** The range starting at {@code first} is in the log now, or never will be. */
    public void written(long first) {
        synchronized (inFlight) {
            inFlight.computeIfPresent(first, (position, ranges) -> ranges == 1 ? null : ranges - 1);
        }
    }

    /** Every position up to this one is written or abandoned, as far as this process knows. */
    public long writtenUpTo() {
        synchronized (inFlight) {
            return inFlight.isEmpty() ? Long.MAX_VALUE : inFlight.firstKey() - 1;
        }
    }
}
