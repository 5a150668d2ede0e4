package dev.polyshop.eventstore.client;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Delivery;

/**
 * Rebuilds a service's state: asks the event store for every event of some stream types, in position order, and
 * hands each to a handler on the calling thread until the end marker arrives.
 */
@ApplicationScoped
public class EventReplayer {

    private static final int WINDOW = 256;

    private final RabbitMq rabbit;

    public EventReplayer(RabbitMq rabbit) {
        this.rabbit = rabbit;
    }

    /**
     * @param idleTimeout how long to wait for the next message before giving up
     * @return the end marker: how many events were replayed and the last position
     */
    public ReplayEnd replay(Collection<String> streamTypes, long afterPosition, EventHandler handler,
            Duration idleTimeout) throws Exception {
        UUID requestId = UUID.randomUUID();
        BlockingQueue<Delivery> received = new LinkedBlockingQueue<>();
        Channel channel = rabbit.channel();
        try {
            Topology topology = rabbit.topology();
            topology.declareRequestQueue(channel, Topology.REPLAY);
            String replyQueue = channel.queueDeclare("", false, true, true, Map.of()).getQueue();
            channel.basicQos(WINDOW);
            channel.basicConsume(replyQueue, false, (tag, delivery) -> received.add(delivery), tag -> {
            });
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                    .contentType("application/json")
                    .deliveryMode(2)
                    .correlationId(requestId.toString())
                    .replyTo(replyQueue)
                    .build();
            channel.basicPublish("", topology.replayQueue(), properties,
                    EventJson.write(new ReplayRequest(requestId, List.copyOf(streamTypes), afterPosition)));
            return consume(channel, received, handler, idleTimeout);
        } finally {
            if (channel.isOpen()) {
                channel.close();
            }
        }
    }

    private static ReplayEnd consume(Channel channel, BlockingQueue<Delivery> received, EventHandler handler,
            Duration idleTimeout) throws Exception {
        while (true) {
            Delivery delivery = received.poll(idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (delivery == null) {
                throw new EventStoreUnavailableException("replay stalled: nothing for " + idleTimeout);
            }
            Map<String, Object> headers = delivery.getProperties().getHeaders();
            if (headers != null && headers.containsKey(ReplayRequest.END_HEADER)) {
                ReplayEnd end = EventJson.read(delivery.getBody(), ReplayEnd.class);
                if (end.error() != null) {
                    throw new IOException("the event store could not replay: " + end.error());
                }
                return end;
            }
            handler.handle(EventJson.read(delivery.getBody(), RecordedEvent.class));
            channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
        }
    }
}
