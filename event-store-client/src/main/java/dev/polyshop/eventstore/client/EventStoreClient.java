package dev.polyshop.eventstore.client;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Delivery;

/**
 * Appends events to the event store and waits for its answer. Requests travel through a durable queue, so they wait
 * for an event store that is down; answers come back on RabbitMQ's direct reply-to, matched by correlation id.
 */
@ApplicationScoped
public class EventStoreClient {

    private static final Logger LOG = Logger.getLogger(EventStoreClient.class);
    private static final String DIRECT_REPLY_TO = "amq.rabbitmq.reply-to";
    /**
     * How much longer than its deadline the client waits for an answer: a request the store started to record just
     * before the deadline is answered a little after it.
     */
    private static final Duration ANSWER_GRACE = Duration.ofSeconds(2);

    private final RabbitMq rabbit;
    private final Duration defaultTimeout;
    private final Map<String, CompletableFuture<AppendReply>> awaiting = new ConcurrentHashMap<>();
    private Channel channel;

    public EventStoreClient(RabbitMq rabbit, RabbitMqConfig config) {
        this.rabbit = rabbit;
        this.defaultTimeout = config.appendTimeout();
    }

    public AppendResult append(AppendRequest request) {
        return append(request, defaultTimeout);
    }

    /**
     * Records the request's events and returns them with their positions and versions.
     *
     * @throws StreamConflictException the stream is not at the expected version
     * @throws AppendRejectedException the request is invalid
     * @throws AppendExpiredException the store got the request after the timeout and did not record it
     * @throws EventStoreUnavailableException no answer within the timeout
     */
    public AppendResult append(AppendRequest request, Duration timeout) {
        AppendRequest stamped = (request.producer() == null ? request.withProducer(rabbit.applicationName()) : request)
                .withDeadline(Instant.now().plus(timeout));
        String correlationId = stamped.requestId().toString();
        CompletableFuture<AppendReply> reply = new CompletableFuture<>();
        awaiting.put(correlationId, reply);
        try {
            send(stamped, correlationId);
            return toResult(stamped, reply.get(timeout.plus(ANSWER_GRACE).toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            throw new EventStoreUnavailableException("the event store did not answer within " + timeout
                    + "; it records nothing after that");
        } catch (IOException e) {
            throw new EventStoreUnavailableException("cannot reach the event store: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreUnavailableException("interrupted while waiting for the event store", e);
        } catch (ExecutionException e) {
            throw new EventStoreUnavailableException("the event store's answer was lost", e.getCause());
        } finally {
            awaiting.remove(correlationId);
        }
    }

    private static AppendResult toResult(AppendRequest request, AppendReply reply) {
        return switch (reply.status()) {
            case RECORDED -> new AppendResult(reply.events(), false);
            case DUPLICATE -> new AppendResult(reply.events(), true);
            case CONFLICT -> throw new StreamConflictException(request.streamId(), request.expectedVersion(),
                    reply.currentVersion());
            case REJECTED -> throw new AppendRejectedException(reply.reason());
            case EXPIRED -> throw new AppendExpiredException("the event store got the append to "
                    + request.streamType() + " " + request.streamId() + " after its deadline: not recorded");
        };
    }

    private synchronized void send(AppendRequest request, String correlationId) throws IOException {
        Channel ch = channel();
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .deliveryMode(2)
                .correlationId(correlationId)
                .replyTo(DIRECT_REPLY_TO)
                .appId(rabbit.applicationName())
                .build();
        ch.basicPublish("", rabbit.topology().appendQueue(), properties, EventJson.write(request));
    }

    private Channel channel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            Channel opened = rabbit.channel();
            rabbit.topology().declareRequestQueue(opened, Topology.APPEND);
            opened.basicConsume(DIRECT_REPLY_TO, true, (tag, delivery) -> onReply(delivery), tag -> {
            });
            channel = opened;
        }
        return channel;
    }

    private void onReply(Delivery delivery) {
        CompletableFuture<AppendReply> reply = awaiting.get(delivery.getProperties().getCorrelationId());
        if (reply == null) {
            LOG.debugf("late answer to append request %s ignored", delivery.getProperties().getCorrelationId());
            return;
        }
        try {
            reply.complete(EventJson.read(delivery.getBody(), AppendReply.class));
        } catch (MalformedMessageException e) {
            reply.completeExceptionally(e);
        }
    }

    @PreDestroy
    public synchronized void close() {
        if (channel != null && channel.isOpen()) {
            try {
                channel.close();
            } catch (Exception e) {
                LOG.debug("closing the append channel", e);
            }
        }
    }
}
