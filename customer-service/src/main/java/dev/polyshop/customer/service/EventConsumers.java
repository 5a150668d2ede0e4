package dev.polyshop.customer.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.rabbitmq.client.Channel;

import dev.polyshop.customer.CustomerEvents;
import dev.polyshop.customer.saga.CreditHandlers;
import dev.polyshop.eventstore.client.EventSubscriber;
import dev.polyshop.eventstore.client.RabbitMq;
import dev.polyshop.eventstore.client.Subscription;
import dev.polyshop.eventstore.client.Topology;

/**
 * The service's two durable queues: {@code customer-service.projection} (every customer event, into Redis) and
 * {@code customer-service.saga} (the saga events it reacts to). Both handlers are idempotent by themselves.
 */
@ApplicationScoped
public class EventConsumers {

    public static final String PROJECTION_QUEUE = "customer-service.projection";
    static final List<String> PROJECTION_KEYS = List.of(CustomerEvents.STREAM_TYPE + ".*");

    private final RabbitMq rabbit;
    private final EventSubscriber subscriber;
    private final CustomerProjection projection;
    private final CreditHandlers saga;
    private final List<Subscription> running = new ArrayList<>();

    public EventConsumers(RabbitMq rabbit, EventSubscriber subscriber, CustomerProjection projection,
            CreditHandlers saga) {
        this.rabbit = rabbit;
        this.subscriber = subscriber;
        this.projection = projection;
        this.saga = saga;
    }

    /**
     * Declares and binds both queues without consuming from them, so that whatever is published while the service
     * replays the log at start waits in them.
     */
    public synchronized void declare() throws IOException {
        Topology topology = rabbit.topology();
        try (Channel channel = rabbit.channel()) {
            bind(channel, topology, PROJECTION_QUEUE, PROJECTION_KEYS);
            bind(channel, topology, CreditHandlers.QUEUE, CreditHandlers.ROUTING_KEYS);
        } catch (TimeoutException e) {
            throw new IOException("RabbitMQ did not close a channel in time", e);
        }
    }

    public synchronized void start() {
        if (!running.isEmpty()) {
            return;
        }
        try {
            running.add(subscriber.subscribe(PROJECTION_QUEUE, PROJECTION_KEYS, projection::apply));
            running.add(subscriber.subscribe(CreditHandlers.QUEUE, CreditHandlers.ROUTING_KEYS, saga));
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("cannot consume from RabbitMQ", e);
        }
    }

    public synchronized boolean isConsuming() { return !running.isEmpty(); }

    /** Stops consuming; what was delivered but not acknowledged goes back to the queues. */
    @PreDestroy
    public synchronized void stop() {
        running.forEach(Subscription::close);
        running.clear();
    }

    private static void bind(Channel channel, Topology topology, String queue, List<String> routingKeys)
            throws IOException {
        String name = topology.declareWorkQueue(channel, queue);
        for (String key : routingKeys) {
            channel.queueBind(name, topology.eventsExchange(), key);
        }
    }
}
