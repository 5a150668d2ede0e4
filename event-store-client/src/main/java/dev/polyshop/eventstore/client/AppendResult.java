package dev.polyshop.eventstore.client;

import java.util.List;

/** Events that are in the log, recorded by this request or, for a repeated request, by its first copy. */
public record AppendResult(List<RecordedEvent> events, boolean duplicate) {

    public long lastVersion() {
        return events.getLast().version();
    }
}
