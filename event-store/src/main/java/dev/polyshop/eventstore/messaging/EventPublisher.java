package dev.polyshop.eventstore.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;

import dev.polyshop.eventstore.client.EventJson;
import dev.polyshop.eventstore.client.RabbitMq;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.eventstore.config.EventStoreConfig;
import dev.polyshop.eventstore.repository.OutboxRepository;

/**
 * Relays recorded events from the outbox to the events exchange, persistent and with publisher confirms. An event
 * leaves the outbox only once RabbitMQ confirmed it; whatever is still there after a crash, or after a failed publish,
 * the sweep sends again. Subscribers may so see an event twice, never zero times.
 */
@ApplicationScoped
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);
    private static final int BATCH = 500;
    private static final long CONFIRM_TIMEOUT_MS = 10_000;

    private final RabbitMq rabbit;
    private final OutboxRepository outbox;
    private final EventStoreConfig.Publishing config;
    private final BlockingQueue<RecordedEvent> queue = new LinkedBlockingQueue<>();
    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService sweeper;
    private Thread worker;
    private Channel channel;

    public EventPublisher(RabbitMq rabbit, OutboxRepository outbox, EventStoreConfig config) {
        this.rabbit = rabbit;
        this.outbox = outbox;
        this.config = config.publishing();
    }

    void start() {
        if (!config.enabled()) {
            LOG.warn("publishing is paused (eventstore.publishing.enabled=false): recorded events wait in the outbox");
            return;
        }
        enqueue(outbox.queuedBefore(Instant.now()));
        worker = Thread.ofPlatform().name("event-publisher").daemon().start(this::publishLoop);
        sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-sweep").daemon()
                .factory());
        long every = config.sweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    /** Hands freshly recorded events over for publishing; they are already safe in the outbox. */
    public void enqueue(List<RecordedEvent> events) {
        if (!config.enabled()) {
            return;
        }
        for (RecordedEvent event : events) {
            if (queued.add(event.id())) {
                queue.add(event);
            }
        }
    }

    private void sweep() {
        try {
            enqueue(outbox.queuedBefore(Instant.now().minus(config.retryAfter())));
        } catch (RuntimeException e) {
            LOG.warn("outbox sweep failed; will try again", e);
        }
    }

    private void publishLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            List<RecordedEvent> batch = new ArrayList<>();
            try {
                batch.add(queue.take());
                queue.drainTo(batch, BATCH - 1);
                publish(batch);
                outbox.remove(batch.stream().map(RecordedEvent::id).toList());
                batch.forEach(event -> queued.remove(event.id()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warnf("publishing %d events failed, will retry: %s", batch.size(), e.toString());
                closeChannel();
                queue.addAll(batch);
                pause();
            }
        }
    }

    private void publish(List<RecordedEvent> batch) throws Exception {
        Channel ch = channel();
        String exchange = rabbit.topology().eventsExchange();
        for (RecordedEvent event : batch) {
            ch.basicPublish(exchange, event.routingKey(), properties(event), EventJson.write(event));
        }
        ch.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
    }

    private static AMQP.BasicProperties properties(RecordedEvent event) {
        return new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .deliveryMode(2)
                .messageId(event.id().toString())
                .correlationId(event.correlationId())
                .type(event.type())
                .timestamp(java.util.Date.from(event.recordedAt()))
                .headers(Map.of("position", event.position(), "streamId", event.streamId(), "version",
                        event.version()))
                .build();
    }

    private Channel channel() throws Exception {
        if (channel == null || !channel.isOpen()) {
            channel = rabbit.channel();
            rabbit.topology().declareShared(channel);
            channel.confirmSelect();
        }
        return channel;
    }

    private void closeChannel() {
        try {
            if (channel != null && channel.isOpen()) {
                channel.close();
            }
        } catch (Exception e) {
            LOG.debug("closing the publishing channel", e);
        }
        channel = null;
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        if (worker != null) {
            worker.interrupt();
        }
        closeChannel();
    }
}
