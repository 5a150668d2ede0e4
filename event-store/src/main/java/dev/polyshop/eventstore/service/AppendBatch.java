package dev.polyshop.eventstore.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import dev.polyshop.eventstore.client.AppendReply;
import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.RecordedEvent;

/**
 * Append requests recorded together, and how far they got. When the database fails halfway, the same batch is recorded
 * again: a request whose versions may already be claimed is then finished whatever its deadline, since its claim may
 * be completed by anybody from now on.
 */
public final class AppendBatch {

    private final List<AppendRequest> requests;
    private final AppendReply[] replies;
    private final boolean[] claimed;
    private final List<RecordedEvent> written = new ArrayList<>();

    public AppendBatch(List<AppendRequest> requests) {
        this.requests = List.copyOf(requests);
        this.replies = new AppendReply[requests.size()];
        this.claimed = new boolean[requests.size()];
    }

    public int size() {
        return requests.size();
    }

    public AppendRequest request(int index) {
        return requests.get(index);
    }

    boolean isAnswered(int index) {
        return replies[index] != null;
    }

    void answer(int index, AppendReply reply) {
        replies[index] = reply;
    }

    boolean mayBeClaimed(int index) {
        return claimed[index];
    }

    void claiming(int index) {
        claimed[index] = true;
    }

    void wrote(List<RecordedEvent> events) {
        written.addAll(events);
    }

    /** The request at {@code index} as a batch of its own, keeping what is known of its claim. */
    public AppendBatch remaining(int index) {
        AppendBatch alone = new AppendBatch(List.of(requests.get(index)));
        alone.claimed[0] = claimed[index];
        return alone;
    }

    public void reject(int index, String reason) {
        replies[index] = AppendReply.rejected(requests.get(index).streamId(), reason);
    }

    public boolean isDone() { return Arrays.stream(replies).allMatch(Objects::nonNull); }

    /** The answers, in the order of the requests; null for a request not answered yet. */
    public List<AppendReply> replies() {
        return Arrays.asList(replies);
    }

    /** Every event this batch wrote to the log, its own and those of interrupted appends it completed. */
    public List<RecordedEvent> written() {
        return List.copyOf(written);
    }
}
