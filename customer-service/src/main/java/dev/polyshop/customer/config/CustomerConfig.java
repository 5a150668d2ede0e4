package dev.polyshop.customer.config;

import java.math.BigDecimal;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "customer")
public interface CustomerConfig {

    /** The one manager account: it has no customer stream and is never listed. */
    Manager manager();

    /** The credit a new customer starts with. */
    @WithDefault("100")
    BigDecimal defaultCredit();

    Token token();

    Password password();

    Redis redis();

    Saga saga();

    Rebuild rebuild();

    interface Manager {

        @WithDefault("admin")
        String username();

        @WithDefault("admin")
        String password();
    }

    interface Token {

        @WithDefault("PT8H")
        Duration lifetime();

        /** Must equal {@code mp.jwt.verify.issuer} of every service. */
        @WithDefault("polyshop")
        String issuer();
    }

    interface Password {

        /** bcrypt's work factor: each step doubles the time a login (and a guess) takes. */
        @WithDefault("10")
        int bcryptCost();
    }

    interface Redis {

        /** Put before every key of this service, so that it shares a Redis database without sharing keys. */
        @WithDefault("polyshop:")
        String keyPrefix();
    }

    interface Saga {

        /** How long a decision that lost a race waits for the projection to catch up before it gives up. */
        @WithDefault("PT3S")
        Duration conflictWait();
    }

    interface Rebuild {

        /** How long a replay may wait for the event store's next message. */
        @WithDefault("PT30S")
        Duration idleTimeout();
    }
}
