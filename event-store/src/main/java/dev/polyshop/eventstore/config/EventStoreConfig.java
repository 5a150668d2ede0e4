package dev.polyshop.eventstore.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "eventstore")
public interface EventStoreConfig {

    /** Channels consuming append requests. */
    int appendConsumers();

    /** The most append requests recorded together, which is also each channel's prefetch. */
    @WithDefault("256")
    int appendBatch();

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
