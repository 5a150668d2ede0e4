package dev.polyshop.eventstore.messaging;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Delivery;

import dev.polyshop.eventstore.client.AppendReply;
import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.EventJson;
import dev.polyshop.eventstore.client.MalformedMessageException;
import dev.polyshop.eventstore.client.RabbitMq;
import dev.polyshop.eventstore.client.Redelivery;
import dev.polyshop.eventstore.client.Topology;
import dev.polyshop.eventstore.config.EventStoreConfig;
import dev.polyshop.eventstore.service.AppendBatch;
import dev.polyshop.eventstore.service.AppendService;

/**
 * Takes append requests off their durable queue and records them in batches: whatever arrived while the last batch
 * was being written goes into the next one (group commit), so a busy store writes more per round trip instead of
 * queueing. A request is acknowledged only after its answer is sent, so a crash means a redelivery, which the event ids
 * turn into a DUPLICATE answer. When the database fails, the batch is kept and recorded again after a pause, for as
 * long as the outage lasts; requests whose callers stopped waiting are answered EXPIRED meanwhile.
 */
@ApplicationScoped
public class AppendRequestConsumer {

    private static final Logger LOG = Logger.getLogger(AppendRequestConsumer.class);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(2);
    private static final int ATTEMPTS_BEFORE_ISOLATING = 3;

    private final RabbitMq rabbit;
    private final AppendService appends;
    private final EventPublisher publisher;
    private final EventStoreConfig config;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final List<Channel> channels = new ArrayList<>();
    private Thread recorder;

    public AppendRequestConsumer(RabbitMq rabbit, AppendService appends, EventPublisher publisher,
            EventStoreConfig config) {
        this.rabbit = rabbit;
        this.appends = appends;
        this.publisher = publisher;
        this.config = config;
    }

    /** A request taken off the queue, with the channel it must be answered and acknowledged on. */
    private record Received(Channel channel, Delivery delivery, AppendRequest request) {
    }

    void start() throws IOException {
        recorder = Thread.ofPlatform().name("append-recorder").daemon().start(this::recordLoop);
        for (int i = 0; i < config.appendConsumers(); i++) {
            Channel channel = rabbit.channel();
            String queue = rabbit.topology().declareRequestQueue(channel, Topology.APPEND);
            channel.basicQos(config.appendBatch());
            channel.basicConsume(queue, false, (tag, delivery) -> onRequest(channel, delivery), tag -> {
            });
            channels.add(channel);
        }
        LOG.infof("consuming append requests on %d channels, up to %d a batch", config.appendConsumers(),
                config.appendBatch());
    }

    private void onRequest(Channel channel, Delivery delivery) throws IOException {
        try {
            received.add(new Received(channel, delivery, EventJson.read(delivery.getBody(), AppendRequest.class)));
        } catch (MalformedMessageException | IllegalArgumentException | NullPointerException e) {
            answer(channel, delivery, AppendReply.rejected(null, "malformed append request: " + e.getMessage()));
            Redelivery.deadLetterMalformed(channel, delivery, e);
        }
    }

    private void recordLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            List<Received> batch = new ArrayList<>();
            try {
                batch.add(received.take());
                received.drainTo(batch, config.appendBatch() - 1);
                record(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("recording a batch of append requests failed; its requests come back", e);
                batch.forEach(request -> requeue(request));
            }
        }
    }

    private void record(List<Received> requests) throws InterruptedException {
        record(requests, new AppendBatch(requests.stream().map(Received::request).toList()));
    }

    /**
     * Records the batch, trying again while the database is unreachable. A failure that is not an outage (one request
     * the database refuses) is retried a few times, then each request is recorded on its own, so that one bad request
     * is answered REJECTED and stops nobody else.
     */
    private void record(List<Received> requests, AppendBatch batch) throws InterruptedException {
        long pauseMillis = 50;
        for (int failures = 1;; failures++) {
            try {
                appends.record(batch);
                break;
            } catch (RuntimeException e) {
                answerWhatIsDecided(requests, batch);
                if (!StoreFailures.isOutage(e) && failures >= ATTEMPTS_BEFORE_ISOLATING) {
                    isolate(requests, batch, e);
                    return;
                }
                LOG.warnf("recording %d append requests failed (attempt %d), trying again: %s", batch.size(),
                        failures, e.toString());
                Thread.sleep(pauseMillis);
                pauseMillis = Math.min(MAX_PAUSE.toMillis(), pauseMillis * 2);
            }
        }
        publisher.enqueue(batch.written());
        answerWhatIsDecided(requests, batch);
        try {
            appends.finish(batch);
        } catch (RuntimeException e) {
            LOG.debugf("clearing completed claims failed; whoever finds them completes them again: %s", e);
        }
    }

    private void isolate(List<Received> requests, AppendBatch batch, RuntimeException failure)
            throws InterruptedException {
        publisher.enqueue(batch.written());
        if (batch.size() == 1) {
            LOG.errorf(failure, "append to %s %s cannot be recorded", batch.request(0).streamType(),
                    batch.request(0).streamId());
            batch.reject(0, "the event store cannot record this request: " + failure.getMessage());
            answerWhatIsDecided(requests, batch);
            return;
        }
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).delivery() != null) {
                record(new ArrayList<>(List.of(requests.get(i))), batch.remaining(i));
            }
        }
    }

    /** Sends every answer decided so far and acknowledges its request; the batch then skips them. */
    private void answerWhatIsDecided(List<Received> requests, AppendBatch batch) {
        List<AppendReply> replies = batch.replies();
        for (int i = 0; i < requests.size(); i++) {
            Received request = requests.get(i);
            AppendReply reply = replies.get(i);
            if (reply != null && request.delivery() != null) {
                try {
                    answer(request.channel(), request.delivery(), reply);
                    synchronized (request.channel()) {
                        request.channel().basicAck(request.delivery().getEnvelope().getDeliveryTag(), false);
                    }
                } catch (IOException | RuntimeException e) {
                    // The channel is gone: the broker gives the request to a consumer again, which answers DUPLICATE.
                    LOG.debugf("answering an append request failed: %s", e);
                }
                requests.set(i, new Received(request.channel(), null, request.request()));
            }
        }
    }

    private static void requeue(Received request) {
        if (request.delivery() == null) {
            return;
        }
        try {
            synchronized (request.channel()) {
                request.channel().basicNack(request.delivery().getEnvelope().getDeliveryTag(), false, true);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("requeueing an append request failed: %s", e);
        }
    }

    private static void answer(Channel channel, Delivery delivery, AppendReply reply) throws IOException {
        String replyTo = delivery.getProperties().getReplyTo();
        if (replyTo == null) {
            return;
        }
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .correlationId(delivery.getProperties().getCorrelationId())
                .build();
        synchronized (channel) {
            channel.basicPublish("", replyTo, properties, EventJson.write(reply));
        }
    }

    @PreDestroy
    void stop() {
        if (recorder != null) {
            recorder.interrupt();
        }
        for (Channel channel : channels) {
            try {
                if (channel.isOpen()) {
                    channel.close();
                }
            } catch (Exception e) {
                LOG.debug("closing an append channel", e);
            }
        }
        channels.clear();
    }
}
