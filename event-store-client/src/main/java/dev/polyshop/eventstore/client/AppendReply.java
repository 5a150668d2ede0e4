package dev.polyshop.eventstore.client;

import java.util.List;

/** The event store's answer to an {@link AppendRequest}. */
public record AppendReply(
        AppendStatus status,
        String streamId,
        long currentVersion,
        List<RecordedEvent> events,
        String reason) {

    public AppendReply {
        events = events == null ? List.of() : List.copyOf(events);
    }

    public static AppendReply recorded(String streamId, List<RecordedEvent> events) {
        return new AppendReply(AppendStatus.RECORDED, streamId, events.getLast().version(), events, null);
    }

    public static AppendReply duplicate(String streamId, long currentVersion, List<RecordedEvent> events) {
        return new AppendReply(AppendStatus.DUPLICATE, streamId, currentVersion, events, null);
    }

    public static AppendReply conflict(String streamId, long currentVersion) {
        return new AppendReply(AppendStatus.CONFLICT, streamId, currentVersion, List.of(),
                "stream " + streamId + " is at version " + currentVersion);
    }

    public static AppendReply expired(String streamId) {
        return new AppendReply(AppendStatus.EXPIRED, streamId, -1, List.of(), "the request's deadline had passed");
    }

    public static AppendReply rejected(String streamId, String reason) {
        return new AppendReply(AppendStatus.REJECTED, streamId, -1, List.of(), reason);
    }
}
