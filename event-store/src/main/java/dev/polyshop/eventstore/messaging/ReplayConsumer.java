package dev.polyshop.eventstore.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Delivery;

import dev.polyshop.eventstore.client.EventJson;
import dev.polyshop.eventstore.client.MalformedMessageException;
import dev.polyshop.eventstore.client.RabbitMq;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.eventstore.client.Redelivery;
import dev.polyshop.eventstore.client.ReplayEnd;
import dev.polyshop.eventstore.client.ReplayRequest;
import dev.polyshop.eventstore.client.Topology;
import dev.polyshop.eventstore.repository.EventRepository;

/** Answers replay requests: every event of the asked stream types after a position, in position order, then an end marker. */
@ApplicationScoped
public class ReplayConsumer {

    private static final Logger LOG = Logger.getLogger(ReplayConsumer.class);

    private final RabbitMq rabbit;
    private final EventRepository events;
    private Channel channel;

    public ReplayConsumer(RabbitMq rabbit, EventRepository events) {
        this.rabbit = rabbit;
        this.events = events;
    }

    void start() throws IOException {
        channel = rabbit.channel();
        String queue = rabbit.topology().declareRequestQueue(channel, Topology.REPLAY);
        channel.basicQos(1);
        channel.basicConsume(queue, false, (tag, delivery) -> onRequest(delivery), tag -> {
        });
    }

    private void onRequest(Delivery delivery) throws IOException {
        String replyTo = delivery.getProperties().getReplyTo();
        ReplayRequest request;
        try {
            request = EventJson.read(delivery.getBody(), ReplayRequest.class);
            if (replyTo == null) {
                throw new MalformedMessageException("a replay request needs a reply-to queue");
            }
        } catch (MalformedMessageException e) {
            Redelivery.deadLetterMalformed(channel, delivery, e);
            return;
        }
        long[] sent = {0, request.afterPosition()};
        String error = null;
        try {
            events.forEachAfter(request.streamTypes(), request.afterPosition(), event -> {
                send(replyTo, event);
                sent[0]++;
                sent[1] = event.position();
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "replay %s failed after %d events", request.requestId(), sent[0]);
            error = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        AMQP.BasicProperties end = new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .correlationId(delivery.getProperties().getCorrelationId())
                .headers(Map.of(ReplayRequest.END_HEADER, true))
                .build();
        channel.basicPublish("", replyTo, end,
                EventJson.write(new ReplayEnd(request.requestId(), sent[0], sent[1], error)));
        channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
        LOG.infof("replayed %d events of %s after position %d", sent[0], request.streamTypes(),
                request.afterPosition());
    }

    private void send(String replyTo, RecordedEvent event) {
        try {
            channel.basicPublish("", replyTo, new AMQP.BasicProperties.Builder().contentType("application/json")
                    .messageId(event.id().toString()).build(), EventJson.write(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void stop() {
        try {
            if (channel != null && channel.isOpen()) {
                channel.close();
            }
        } catch (Exception e) {
            LOG.debug("closing the replay channel", e);
        }
    }
}
