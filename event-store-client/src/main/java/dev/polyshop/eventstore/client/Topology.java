package dev.polyshop.eventstore.client;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;

/**
 * The names and shapes of Polyshop's exchanges and queues. Every participant declares what it uses with the same
 * arguments, so that whoever starts first creates them and nobody's messages wait on a missing queue.
 */
public final class Topology {

    public static final String EVENTS = "events";
    public static final String DEAD_LETTERS = "dead-letters";
    public static final String APPEND = "event-store.append";
    public static final String REPLAY = "event-store.replay";
    /**
     * The delivery limit of the event store's own request queues. Every service declares them, so their arguments must
     * not depend on any one service's configuration.
     */
    public static final int REQUEST_DELIVERY_LIMIT = 10;

    private final String namespace;
    private final String queueType;
    private final int deliveryLimit;
    private final Optional<Duration> queueExpiry;

    public Topology(RabbitMqConfig config) {
        this(config.namespace().orElse(""), config.queueType(), config.deliveryLimit(), config.queueExpiry());
    }

    public Topology(String namespace, String queueType, int deliveryLimit, Optional<Duration> queueExpiry) {
        this.namespace = namespace;
        this.queueType = queueType;
        this.deliveryLimit = deliveryLimit;
        this.queueExpiry = queueExpiry;
    }

    public String name(String name) {
        return namespace + name;
    }

    public String eventsExchange() {
        return name(EVENTS);
    }

    public String deadLetterQueue() {
        return name(DEAD_LETTERS);
    }

    public String appendQueue() {
        return name(APPEND);
    }

    public String replayQueue() {
        return name(REPLAY);
    }

    public int deliveryLimit() {
        return deliveryLimit;
    }

    /** The events exchange and the one dead-letter queue every work queue sends its unprocessable messages to. */
    public void declareShared(Channel channel) throws IOException {
        channel.exchangeDeclare(eventsExchange(), BuiltinExchangeType.TOPIC, true);
        channel.exchangeDeclare(name(DEAD_LETTERS), BuiltinExchangeType.FANOUT, true);
        channel.queueDeclare(deadLetterQueue(), true, false, false, queueArguments(0));
        channel.queueBind(deadLetterQueue(), name(DEAD_LETTERS), "");
    }

    /**
     * A durable queue of this service's own whose messages are dead-lettered, not dropped, when rejected or delivered
     * more often than the configured limit.
     */
    public String declareWorkQueue(Channel channel, String queue) throws IOException {
        return declare(channel, queue, deliveryLimit);
    }

    /** One of the event store's request queues ({@link #APPEND}, {@link #REPLAY}), which all services declare alike. */
    public String declareRequestQueue(Channel channel, String queue) throws IOException {
        return declare(channel, queue, REQUEST_DELIVERY_LIMIT);
    }

    private String declare(Channel channel, String queue, int limit) throws IOException {
        declareShared(channel);
        String name = name(queue);
        channel.queueDeclare(name, true, false, false, queueArguments(limit));
        return name;
    }

    private Map<String, Object> queueArguments(int deliveryLimit) {
        Map<String, Object> args = new HashMap<>();
        args.put("x-queue-type", queueType);
        if (deliveryLimit > 0) {
            args.put("x-dead-letter-exchange", name(DEAD_LETTERS));
            if (isQuorum()) {
                args.put("x-delivery-limit", deliveryLimit);
            }
        }
        queueExpiry.ifPresent(expiry -> args.put("x-expires", expiry.toMillis()));
        return args;
    }

    public boolean isQuorum() { return "quorum".equals(queueType); }
}
