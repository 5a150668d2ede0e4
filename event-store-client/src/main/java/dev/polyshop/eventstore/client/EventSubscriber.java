package dev.polyshop.eventstore.client;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Delivery;

/**
 * Consumes recorded events from the events exchange into a durable queue of the service's own. A message is
 * acknowledged only after its handler returned (that is, after the service committed what the event changes); a failing
 * handler gets the message again, up to the delivery limit; a malformed message, or one that keeps failing, goes to the
 * dead-letter queue. Nothing is dropped, and the consumer never stops on a bad message.
 */
@ApplicationScoped
public class EventSubscriber {

    private static final Logger LOG = Logger.getLogger(EventSubscriber.class);

    private final RabbitMq rabbit;
    private final int prefetch;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    public EventSubscriber(RabbitMq rabbit, RabbitMqConfig config) {
        this.rabbit = rabbit;
        this.prefetch = config.prefetch();
    }

    /**
     * Subscribes a handler that is idempotent by itself, such as a projection that applies an event only when it is
     * the next version of its stream: no inbox is needed.
     */
    public Subscription subscribe(String queue, Collection<String> routingKeys, EventHandler handler)
            throws IOException {
        return subscribe(queue, routingKeys, (event, next) -> {
            next.handle(event);
            return true;
        }, handler);
    }

    /**
     * Binds the queue {@code queue} to the given routing keys (e.g. {@code order.OrderPlaced}, {@code product.*}) and
     * hands each event to the handler, once per event id as far as the inbox remembers.
     */
    public Subscription subscribe(String queue, Collection<String> routingKeys, Inbox inbox, EventHandler handler)
            throws IOException {
        Topology topology = rabbit.topology();
        Channel channel = rabbit.channel();
        String queueName = topology.declareWorkQueue(channel, queue);
        for (String key : routingKeys) {
            channel.queueBind(queueName, topology.eventsExchange(), key);
        }
        channel.basicQos(prefetch);
        Subscription subscription = new Subscription(queueName, channel);
        String tag = channel.basicConsume(queueName, false,
                (consumerTag, delivery) -> deliver(channel, delivery, inbox, handler), consumerTag -> LOG
                        .warnf("consumer of %s was cancelled by the broker", queueName));
        subscription.consumerTag(tag);
        subscriptions.add(subscription);
        LOG.infof("consuming %s from %s", routingKeys, queueName);
        return subscription;
    }

    private void deliver(Channel channel, Delivery delivery, Inbox inbox, EventHandler handler) throws IOException {
        long tag = delivery.getEnvelope().getDeliveryTag();
        RecordedEvent event;
        try {
            event = EventJson.read(delivery.getBody(), RecordedEvent.class);
            if (!event.isValid()) {
                throw new MalformedMessageException("an event without id, stream, type, version or position");
            }
        } catch (MalformedMessageException e) {
            Redelivery.deadLetterMalformed(channel, delivery, e);
            return;
        }
        try {
            inbox.processOnce(event, handler);
            channel.basicAck(tag, false);
        } catch (Exception e) {
            Redelivery.retryOrDeadLetter(channel, delivery, rabbit.topology().deliveryLimit(),
                    event.routingKey() + " " + event.id(), e);
        }
    }

    @PreDestroy
    public void close() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }
}
