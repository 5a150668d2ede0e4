package dev.polyshop.order.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "order")
public interface OrderConfig {

    /** A PENDING order older than this is rejected with TIMEOUT, and every reservation it holds is released. */
    @WithDefault("PT30S")
    Duration sagaTimeout();

    /** How often pending orders are checked against the saga timeout. */
    @WithDefault("2s")
    Duration timeoutCheckInterval();

    /** The longest {@code Prefer: wait=N} honoured. */
    @WithDefault("PT10S")
    Duration maxWait();

    /** How long a decision waits for this service's projection to catch up after a concurrent change. */
    @WithDefault("PT3S")
    Duration catchUpTimeout();
}
