package dev.polyshop.eventstore.client;

/** The stream moved on since the caller read it: re-read, decide again, append again. */
public class StreamConflictException extends RuntimeException {

    private final String streamId;
    private final long expectedVersion;
    private final long currentVersion;

    public StreamConflictException(String streamId, long expectedVersion, long currentVersion) {
        super("stream " + streamId + " expected at version " + expectedVersion + " but is at " + currentVersion);
        this.streamId = streamId;
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    public String streamId() {
        return streamId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
