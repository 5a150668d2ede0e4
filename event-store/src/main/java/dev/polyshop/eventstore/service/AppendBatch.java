package dev.polyshop.eventstore.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import dev.polyshop.eventstore.client.AppendReply;
import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.eventstore.repository.StreamHead;

/**
 * Append requests recorded together, and how far they got. When the database fails halfway, the same batch is recorded
 * again: what it claimed is found on the heads and settled, what it answered is skipped.
 */
public final class AppendBatch {

    private final List<AppendRequest> requests;
    private final AppendReply[] replies;
    private final List<RecordedEvent> written = new ArrayList<>();
    private final List<StreamHead> completed = new ArrayList<>();

    public AppendBatch(List<AppendRequest> requests) {
        this.requests = List.copyOf(requests);
        this.replies = new AppendReply[requests.size()];
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

    void completed(StreamHead head) {
        completed.add(head);
    }

    List<StreamHead> completedClaims() {
        return List.copyOf(completed);
    }

    void wrote(List<RecordedEvent> events) {
        written.addAll(events);
    }

    /** The request at {@code index} as a batch of its own. */
    public AppendBatch remaining(int index) {
        return new AppendBatch(List.of(requests.get(index)));
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
