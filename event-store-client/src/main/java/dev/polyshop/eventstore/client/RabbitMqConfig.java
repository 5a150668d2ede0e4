package dev.polyshop.eventstore.client;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service reaches RabbitMQ and how its queues are shaped. */
@ConfigMapping(prefix = "polyshop.rabbitmq")
public interface RabbitMqConfig {

    @WithDefault("127.0.0.1")
    String host();

    @WithDefault("5672")
    int port();

    @WithDefault("guest")
    String username();

    @WithDefault("guest")
    String password();

    @WithDefault("/")
    String virtualHost();

    /** Put before every exchange and queue name; lets test runs share a broker without sharing queues. */
    Optional<String> namespace();

    /** quorum where the broker has them (replicated, with a delivery limit), else classic. */
    @WithDefault("quorum")
    String queueType();

    /** Unused queues are deleted after this long; for tests, whose queues must not pile up. */
    Optional<Duration> queueExpiry();

    /** Deliveries of one message before it is dead-lettered. */
    @WithDefault("10")
    int deliveryLimit();

    @WithDefault("32")
    int prefetch();

    /** How long a service keeps trying to reach the broker when it starts. */
    @WithDefault("PT60S")
    Duration connectTimeout();

    /** How long an append waits for the event store's answer. */
    @WithDefault("PT10S")
    Duration appendTimeout();
}
