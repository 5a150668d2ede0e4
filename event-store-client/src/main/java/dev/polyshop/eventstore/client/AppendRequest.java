package dev.polyshop.eventstore.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Asks the event store to append events to one stream, atomically, if the stream is at {@code expectedVersion}
 * ({@link #NEW_STREAM} for a stream that must not exist yet, {@link #ANY_VERSION} to skip the check). A stream is
 * named by its type and its id together. {@code deadline}, when set, is when the caller stops waiting: the store never
 * records the request after it.
 */
public record AppendRequest(
        UUID requestId,
        String streamType,
        String streamId,
        long expectedVersion,
        List<NewEvent> events,
        String correlationId,
        String causationId,
        String producer,
        Instant deadline) {

    public static final long NEW_STREAM = 0;
    public static final long ANY_VERSION = -1;

    public AppendRequest {
        requestId = requestId == null ? UUID.randomUUID() : requestId;
        events = events == null ? List.of() : List.copyOf(events);
    }

    public AppendRequest withProducer(String producer) {
        return new AppendRequest(requestId, streamType, streamId, expectedVersion, events, correlationId, causationId,
                producer, deadline);
    }

    public AppendRequest withDeadline(Instant deadline) {
        return new AppendRequest(requestId, streamType, streamId, expectedVersion, events, correlationId, causationId,
                producer, deadline);
    }

    /** True once the caller has stopped waiting for an answer. */
    public boolean isExpiredAt(Instant now) {
        return deadline != null && !now.isBefore(deadline);
    }

    /** Starts a request for a stream; correlation defaults to the stream itself. */
    public static Builder to(String streamType, String streamId) {
        return new Builder(streamType, streamId);
    }

    public static final class Builder {
        private final String streamType;
        private final String streamId;
        private long expectedVersion = ANY_VERSION;
        private String correlationId;
        private String causationId;

        private Builder(String streamType, String streamId) {
            this.streamType = streamType;
            this.streamId = streamId;
        }

        public Builder expectingVersion(long version) {
            this.expectedVersion = version;
            return this;
        }

        public Builder asNewStream() {
            return expectingVersion(NEW_STREAM);
        }

        public Builder correlatedWith(String correlationId) {
            this.correlationId = correlationId;
            return this;
        }

        /** Carries the cause's correlation id and names the cause, so that a saga can be traced end to end. */
        public Builder causedBy(RecordedEvent cause) {
            this.correlationId = cause.correlationId();
            this.causationId = cause.id().toString();
            return this;
        }

        public AppendRequest events(NewEvent... events) {
            return new AppendRequest(UUID.randomUUID(), streamType, streamId, expectedVersion, List.of(events),
                    correlationId == null ? streamId : correlationId, causationId, null, null);
        }
    }
}
