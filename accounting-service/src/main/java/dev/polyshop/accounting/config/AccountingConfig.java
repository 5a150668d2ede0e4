package dev.polyshop.accounting.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the accounting saga and rebuild behave. */
@ConfigMapping(prefix = "accounting")
public interface AccountingConfig {

    /**
     * How long a reaction that lost a race on an invoice stream waits for the projection to catch up before it gives
     * up and lets the message come back.
     */
    @WithDefault("PT3S")
    Duration conflictWait();

    /**
     * How long the saga remembers number reservations and cancellations of orders without an invoice. They only guard
     * against redelivered and out-of-order messages, so they expire instead of piling up.
     */
    @WithDefault("P30D")
    Duration memory();

    /** How long a rebuild waits for the next replayed event before it fails. */
    @WithDefault("PT30S")
    Duration replayIdleTimeout();
}
