package dev.polyshop.eventstore.messaging;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.polyshop.eventstore.repository.EventRepository;
import dev.polyshop.eventstore.service.AppendService;
import io.quarkus.runtime.StartupEvent;

/**
 * Brings the store up in an order that loses nothing: indexes first, then the appends a crash interrupted, then the
 * events still waiting to be published, and only then new requests.
 */
@ApplicationScoped
public class EventStoreStartup {

    private final EventRepository events;
    private final AppendService appends;
    private final EventPublisher publisher;
    private final AppendRequestConsumer appendConsumer;
    private final ReplayConsumer replayConsumer;

    public EventStoreStartup(EventRepository events, AppendService appends, EventPublisher publisher,
            AppendRequestConsumer appendConsumer, ReplayConsumer replayConsumer) {
        this.events = events;
        this.appends = appends;
        this.publisher = publisher;
        this.appendConsumer = appendConsumer;
        this.replayConsumer = replayConsumer;
    }

    void onStart(@Observes StartupEvent start) throws IOException {
        events.createIndexes();
        appends.completeInterruptedAppends();
        publisher.start();
        appendConsumer.start();
        replayConsumer.start();
    }
}
