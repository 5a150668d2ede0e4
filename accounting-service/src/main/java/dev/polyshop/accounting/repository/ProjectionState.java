package dev.polyshop.accounting.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.couchbase.client.core.error.DocumentExistsException;
import com.couchbase.client.core.error.DocumentNotFoundException;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.json.JsonObject;
import com.couchbase.client.java.kv.InsertOptions;

/**
 * Whether the bucket holds a complete projection ({@code projection-state}). Written at the end of a rebuild and
 * removed at its start: a bucket without it is empty or was left by an interrupted rebuild, and is rebuilt at start.
 * {@code rebuild-claim} keeps instances that start together from rebuilding at the same time.
 */
@ApplicationScoped
public class ProjectionState {

    static final String KEY = "projection-state";
    static final String REBUILD_CLAIM = "rebuild-claim";

    private final Collection collection;

    public ProjectionState(Collection collection) {
        this.collection = collection;
    }

    public Optional<Complete> find() {
        try {
            return Optional.of(collection.get(KEY).contentAs(Complete.class));
        } catch (DocumentNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Claims the one rebuild of the bucket among all instances of the service. The claim expires, so an instance that
     * dies while rebuilding does not block the others for ever.
     *
     * @return false if another instance holds it
     */
    public boolean claimRebuild(Duration longest) {
        try {
            collection.insert(REBUILD_CLAIM, JsonObject.create().put("claimedAt", Instant.now().toString()),
                    InsertOptions.insertOptions().expiry(longest));
            return true;
        } catch (DocumentExistsException e) {
            return false;
        }
    }

    public void releaseRebuild() {
        try {
            collection.remove(REBUILD_CLAIM);
        } catch (DocumentNotFoundException e) {
            // expired already
        }
    }

    public void markIncomplete() {
        try {
            collection.remove(KEY);
        } catch (DocumentNotFoundException e) {
            // never completed
        }
    }

    public void markComplete(long lastPosition) {
        collection.upsert(KEY, new Complete(lastPosition, Instant.now()));
    }

    /** @param lastPosition the position of the last event replayed by the rebuild that completed it */
    public record Complete(long lastPosition, Instant rebuiltAt) {
    }
}
