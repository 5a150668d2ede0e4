package dev.polyshop.product.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How product-service consumes, decides under contention, and rebuilds. */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

    /**
     * Competing consumers of the saga queue in this process. Each waits for the event store's answer on a RabbitMQ
     * consumer thread, and the client has two per CPU that answers also need: keep it below that.
     */
    @WithDefault("2")
    int sagaConsumers();

    /** How often a decision that lost a race (a stale expected version) is taken again on the new state. */
    @WithDefault("8")
    int decisionAttempts();

    /** How long a decision that lost a race waits for the change that beat it to reach this service's database. */
    @WithDefault("PT3S")
    Duration conflictWait();

    /** How long a rebuild waits for the next replayed event before it gives up. */
    @WithDefault("PT30S")
    Duration replayIdleTimeout();

    /** How long the service waits before it tries again to start (bind its queues, rebuild an empty database). */
    @WithDefault("PT5S")
    Duration startRetryInterval();
}
