package dev.polyshop.eventstore.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "eventstore")
public interface EventStoreConfig {

    /** Channels consuming append requests in parallel. */
    int appendConsumers();

    Publishing publishing();

    interface Publishing {

        /** false keeps recorded events in the outbox unpublished, as if the store had crashed before publishing. */
        boolean enabled();

        /** How often the outbox is searched for events that were recorded but not confirmed as published. */
        Duration sweepInterval();

        /** How long an event may wait in the outbox before the sweep publishes it again. */
        Duration retryAfter();
    }
}
