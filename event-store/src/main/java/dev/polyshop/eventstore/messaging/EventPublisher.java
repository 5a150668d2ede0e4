package dev.polyshop.eventstore.messaging;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.Return;

import dev.polyshop.eventstore.client.EventJson;
import dev.polyshop.eventstore.client.RabbitMq;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.eventstore.config.EventStoreConfig;
import dev.polyshop.eventstore.repository.EventRepository;
import dev.polyshop.eventstore.repository.OutboxRepository;

/**
 * Relays recorded events from the outbox to the events exchange, persistent, mandatory and with pipelined publisher
 * confirms. An event leaves the outbox only once RabbitMQ confirmed it; whatever is still there after a crash, or after a failed publish,
 * the sweep sends again. Subscribers may so see an event twice, never zero times.
 */
@ApplicationScoped
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);
    private static final int BATCH = 500;
    private static final int MAX_UNCONFIRMED = 2_000;
    private static final long CONFIRM_TIMEOUT_MS = 10_000;
    private static final long IDLE_POLL_MS = 50;

    private final RabbitMq rabbit;
    private final OutboxRepository outbox;
    private final EventRepository events;
    private final EventStoreConfig.Publishing config;
    private final BlockingQueue<RecordedEvent> queue = new LinkedBlockingQueue<>();
    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<RecordedEvent> confirmed = new LinkedBlockingQueue<>();
    private final AtomicLong unroutable = new AtomicLong();
    private final Set<String> unroutableKeys = ConcurrentHashMap.newKeySet();
    private Confirms confirms;
    private ScheduledExecutorService sweeper;
    private Thread worker;
    private Channel channel;

    public EventPublisher(RabbitMq rabbit, OutboxRepository outbox, EventRepository events, EventStoreConfig config) {
        this.rabbit = rabbit;
        this.outbox = outbox;
        this.events = events;
        this.config = config.publishing();
    }

    void start() {
        if (!config.enabled()) {
            LOG.warn("publishing is paused (eventstore.publishing.enabled=false): recorded events wait in the outbox");
            return;
        }
        enqueueQueuedBefore(Instant.now());
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

    private void enqueueQueuedBefore(Instant instant) {
        List<UUID> ids = outbox.queuedBefore(instant);
        ids.removeIf(queued::contains);
        Map<UUID, RecordedEvent> found = events.findByIds(ids);
        enqueue(ids.stream().map(found::get).filter(event -> event != null).toList());
    }

    private void sweep() {
        try {
            enqueueQueuedBefore(Instant.now().minus(config.retryAfter()));
        } catch (RuntimeException e) {
            LOG.warn("outbox sweep failed; will try again", e);
        }
    }

    private void publishLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            List<RecordedEvent> batch = new ArrayList<>();
            try {
                RecordedEvent first = queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    publish(batch);
                }
                removeConfirmed();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warnf("publishing events failed, will retry: %s", e.toString());
                closeChannel();
                pause();
            }
        }
    }

    /**
     * Publishes without waiting for each confirm: the broker's confirms arrive on the channel's listener and free
     * their events from the outbox, up to {@link #MAX_UNCONFIRMED} at once. A nack or a lost channel sends the
     * unconfirmed events again.
     */
    private void publish(List<RecordedEvent> batch) throws Exception {
        Channel ch;
        try {
            ch = channel();
        } catch (Exception e) {
            // No channel while the broker is away: the batch waits in the queue, not only in the set of queued ids.
            queue.addAll(batch);
            throw e;
        }
        Confirms confirms = this.confirms;
        String exchange = rabbit.topology().eventsExchange();
        for (int i = 0; i < batch.size(); i++) {
            RecordedEvent event = batch.get(i);
            if (!confirms.window.tryAcquire(CONFIRM_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                queue.addAll(batch.subList(i, batch.size()));
                throw new IOException("no publisher confirm within " + CONFIRM_TIMEOUT_MS + " ms");
            }
            confirms.unconfirmed.put(ch.getNextPublishSeqNo(), event);
            try {
                ch.basicPublish(exchange, event.routingKey(), true, properties(event), EventJson.write(event));
            } catch (IOException | RuntimeException e) {
                queue.addAll(batch.subList(i + 1, batch.size()));
                throw e;
            }
        }
    }

    /** The events the broker confirmed leave the outbox, many per round trip. */
    private void removeConfirmed() {
        List<RecordedEvent> done = new ArrayList<>();
        confirmed.drainTo(done);
        if (done.isEmpty()) {
            return;
        }
        try {
            outbox.remove(done.stream().map(RecordedEvent::id).toList());
            done.forEach(event -> queued.remove(event.id()));
        } catch (RuntimeException e) {
            // They were published; the sweep sends them once more, which subscribers tolerate.
            LOG.warnf("removing %d published events from the outbox failed: %s", done.size(), e.toString());
            done.forEach(event -> queued.remove(event.id()));
        }
    }

    /** The events published on one channel and not confirmed yet, by the channel's sequence number. */
    private final class Confirms implements ConfirmListener {

        final ConcurrentNavigableMap<Long, RecordedEvent> unconfirmed = new ConcurrentSkipListMap<>();
        final Semaphore window = new Semaphore(MAX_UNCONFIRMED);

        @Override
        public void handleAck(long sequence, boolean multiple) {
            settle(sequence, multiple).forEach(confirmed::add);
        }

        @Override
        public void handleNack(long sequence, boolean multiple) {
            List<RecordedEvent> refused = settle(sequence, multiple);
            LOG.warnf("the broker refused %d events; publishing them again", refused.size());
            queue.addAll(refused);
        }

        /** The channel is gone: whatever it did not confirm is published again on the next one. */
        void abandon() {
            List<RecordedEvent> lost = settle(Long.MAX_VALUE, true);
            queue.addAll(lost);
        }

        private List<RecordedEvent> settle(long sequence, boolean multiple) {
            Map<Long, RecordedEvent> settled = multiple
                    ? unconfirmed.headMap(sequence, true)
                    : (unconfirmed.containsKey(sequence) ? Map.of(sequence, unconfirmed.get(sequence)) : Map.of());
            List<RecordedEvent> events = new ArrayList<>();
            for (Long key : List.copyOf(settled.keySet())) {
                RecordedEvent event = unconfirmed.remove(key);
                if (event != null) {
                    events.add(event);
                }
            }
            window.release(events.size());
            return events;
        }
    }

    /**
     * An event no queue is bound for: nothing subscribes to its type. It is recorded and stays replayable; this says so
     * once per routing key rather than dropping it silently.
     */
    private void onReturn(Return returned) {
        unroutable.incrementAndGet();
        if (unroutableKeys.add(returned.getRoutingKey())) {
            LOG.warnf("events with routing key %s reach no queue: no subscriber binds it", returned.getRoutingKey());
        }
    }

    /** How many published events reached no queue since start. */
    public long unroutable() {
        return unroutable.get();
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
            if (confirms != null) {
                confirms.abandon();
            }
            Channel opened = rabbit.channel();
            rabbit.topology().declareShared(opened);
            opened.confirmSelect();
            Confirms tracking = new Confirms();
            opened.addConfirmListener(tracking);
            opened.addReturnListener(this::onReturn);
            opened.addShutdownListener(cause -> tracking.abandon());
            confirms = tracking;
            channel = opened;
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
        if (confirms != null) {
            confirms.abandon();
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
