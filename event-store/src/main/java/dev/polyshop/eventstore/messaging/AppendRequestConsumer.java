package dev.polyshop.eventstore.messaging;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Delivery;

import dev.polyshop.eventstore.client.AppendReply;
import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.AppendStatus;
import dev.polyshop.eventstore.client.EventJson;
import dev.polyshop.eventstore.client.MalformedMessageException;
import dev.polyshop.eventstore.client.RabbitMq;
import dev.polyshop.eventstore.client.Redelivery;
import dev.polyshop.eventstore.client.Topology;
import dev.polyshop.eventstore.config.EventStoreConfig;
import dev.polyshop.eventstore.service.AppendService;

/**
 * Takes append requests off their durable queue, records them, answers the requester and hands the recorded events to
 * the publisher. The request is acknowledged only after the answer is sent, so a crash means a redelivery, which the
 * event ids turn into a DUPLICATE answer.
 */
@ApplicationScoped
public class AppendRequestConsumer {

    private static final Logger LOG = Logger.getLogger(AppendRequestConsumer.class);
    private static final int PREFETCH = 16;

    private final RabbitMq rabbit;
    private final AppendService appends;
    private final EventPublisher publisher;
    private final int consumers;
    private final List<Channel> channels = new ArrayList<>();

    public AppendRequestConsumer(RabbitMq rabbit, AppendService appends, EventPublisher publisher,
            EventStoreConfig config) {
        this.rabbit = rabbit;
        this.appends = appends;
        this.publisher = publisher;
        this.consumers = config.appendConsumers();
    }

    void start() throws IOException {
        for (int i = 0; i < consumers; i++) {
            Channel channel = rabbit.channel();
            String queue = rabbit.topology().declareRequestQueue(channel, Topology.APPEND);
            channel.basicQos(PREFETCH);
            channel.basicConsume(queue, false, (tag, delivery) -> onRequest(channel, delivery), tag -> {
            });
            channels.add(channel);
        }
        LOG.infof("consuming append requests with %d consumers", consumers);
    }

    private void onRequest(Channel channel, Delivery delivery) throws IOException {
        AppendRequest request;
        try {
            request = EventJson.read(delivery.getBody(), AppendRequest.class);
        } catch (MalformedMessageException | IllegalArgumentException | NullPointerException e) {
            answer(channel, delivery, AppendReply.rejected(null, "malformed append request: " + e.getMessage()));
            Redelivery.deadLetterMalformed(channel, delivery, e);
            return;
        }
        try {
            AppendReply reply = appends.append(request);
            if (reply.status() == AppendStatus.RECORDED) {
                publisher.enqueue(reply.events());
            }
            answer(channel, delivery, reply);
            channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
        } catch (RuntimeException e) {
            Redelivery.retryOrDeadLetter(channel, delivery, Topology.REQUEST_DELIVERY_LIMIT,
                    "append to " + request.streamId(), e);
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
        channel.basicPublish("", replyTo, properties, EventJson.write(reply));
    }

    @PreDestroy
    void stop() {
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
