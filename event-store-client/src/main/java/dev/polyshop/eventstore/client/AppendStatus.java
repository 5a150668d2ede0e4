package dev.polyshop.eventstore.client;

/** How the event store answered an append request. */
public enum AppendStatus {
    /** The events were recorded now. */
    RECORDED,
    /** The same events were recorded before; the reply carries them as they were recorded then. */
    DUPLICATE,
    /** The stream is not at the expected version; nothing was recorded. */
    CONFLICT,
    /** The request is invalid and will never be recorded. */
    REJECTED,
    /** The request reached the store after its deadline, when its caller had stopped waiting; nothing was recorded. */
    EXPIRED
}
