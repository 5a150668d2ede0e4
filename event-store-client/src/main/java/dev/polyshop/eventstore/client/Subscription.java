package dev.polyshop.eventstore.client;

import org.jboss.logging.Logger;

import com.rabbitmq.client.Channel;

/** A running consumer of events; closing it stops consumption and leaves unprocessed messages in the queue. */
public final class Subscription implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Subscription.class);

    private final String queue;
    private final Channel channel;
    private volatile String consumerTag;

    Subscription(String queue, Channel channel) {
        this.queue = queue;
        this.channel = channel;
    }

    void consumerTag(String tag) {
        this.consumerTag = tag;
    }

    public String queue() {
        return queue;
    }

    @Override
    public void close() {
        try {
            if (channel.isOpen()) {
                if (consumerTag != null) {
                    channel.basicCancel(consumerTag);
                }
                channel.close();
            }
        } catch (Exception e) {
            LOG.debugf(e, "closing the consumer of %s", queue);
        }
    }
}
