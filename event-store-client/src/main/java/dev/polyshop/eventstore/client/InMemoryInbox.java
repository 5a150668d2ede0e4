package dev.polyshop.eventstore.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An inbox for consumers whose effects live only in memory (live views, tests of delivery): it remembers the latest
 * {@code capacity} event ids.
 */
public class InMemoryInbox implements Inbox {

    private final Set<UUID> processed;

    public InMemoryInbox(int capacity) {
        this.processed = Collections.newSetFromMap(new LinkedHashMap<>(capacity, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
                return size() > capacity;
            }
        });
    }

    @Override
    public boolean processOnce(RecordedEvent event, EventHandler handler) throws Exception {
        synchronized (processed) {
            if (!processed.add(event.id())) {
                return false;
            }
        }
        try {
            handler.handle(event);
            return true;
        } catch (Exception | Error e) {
            synchronized (processed) {
                processed.remove(event.id());
            }
            throw e;
        }
    }
}
