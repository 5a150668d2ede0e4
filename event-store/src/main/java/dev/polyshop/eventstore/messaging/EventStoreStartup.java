package dev.polyshop.eventstore.messaging;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.polyshop.eventstore.repository.EventRepository;
import dev.polyshop.eventstore.repository.StreamRepository;
import dev.polyshop.eventstore.service.AppendService;
import io.quarkus.runtime.StartupEvent;

/**
 * Brings the store up in an order that loses nothing: indexes first, then the appends a crash interrupted, then the
 * events still waiting to be published, and only then new requests.
 */
@ApplicationScoped
public class EventStoreStartup {

    private static final Logger LOG = Logger.getLogger(EventStoreStartup.class);

    private final EventRepository events;
    private final StreamRepository streams;
    private final AppendService appends;
    private final EventPublisher publisher;
    private final AppendRequestConsumer appendConsumer;
    private final ReplayConsumer replayConsumer;

    public EventStoreStartup(EventRepository events, StreamRepository streams, AppendService appends,
            EventPublisher publisher,
            AppendRequestConsumer appendConsumer, ReplayConsumer replayConsumer) {
        this.events = events;
        this.streams = streams;
        this.appends = appends;
        this.publisher = publisher;
        this.appendConsumer = appendConsumer;
        this.replayConsumer = replayConsumer;
    }

    void onStart(@Observes StartupEvent start) throws IOException {
        events.createIndexes();
        streams.createIndexes();
        if (streams.isEmpty()) {
            int rebuilt = streams.rebuildFrom(events.collection());
            if (rebuilt > 0) {
                LOG.infof("wrote the heads of %d streams kept before streams were named by type and id", rebuilt);
            }
        }
        // Before the publisher starts: the events completed here are in the outbox, where it looks first.
        appends.completeInterruptedAppends();
        publisher.start();
        appendConsumer.start();
        replayConsumer.start();
    }
}
