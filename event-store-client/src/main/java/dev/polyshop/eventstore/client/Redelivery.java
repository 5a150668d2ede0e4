package dev.polyshop.eventstore.client;

import java.io.IOException;

import org.jboss.logging.Logger;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Delivery;

/**
 * What a consumer does with a message it failed to process: take it again later, up to the delivery limit, then
 * dead-letter it. Never drop it and never stop consuming.
 */
public final class Redelivery {

    private static final Logger LOG = Logger.getLogger(Redelivery.class);

    private Redelivery() {
    }

    public static void retryOrDeadLetter(Channel channel, Delivery delivery, int deliveryLimit, String what,
            Exception failure) throws IOException {
        long tag = delivery.getEnvelope().getDeliveryTag();
        int deliveries = deliveriesSoFar(delivery, deliveryLimit);
        if (failure instanceof MalformedMessageException || deliveries >= deliveryLimit) {
            LOG.errorf(failure, "dead-lettering %s after %d deliveries", what, deliveries);
            channel.basicReject(tag, false);
            return;
        }
        LOG.warnf("%s failed (delivery %d of %d), will retry: %s", what, deliveries, deliveryLimit, failure);
        backOff(deliveries);
        channel.basicNack(tag, false, true);
    }

    public static void deadLetterMalformed(Channel channel, Delivery delivery, Exception failure) throws IOException {
        LOG.errorf("dead-lettering a malformed message (routing key %s): %s", delivery.getEnvelope().getRoutingKey(),
                failure.getMessage());
        channel.basicReject(delivery.getEnvelope().getDeliveryTag(), false);
    }

    /**
     * Quorum queues count deliveries (and dead-letter past their limit by themselves); classic queues only say whether
     * a message was delivered before, so there a second failure is the last.
     */
    static int deliveriesSoFar(Delivery delivery, int deliveryLimit) {
        var headers = delivery.getProperties().getHeaders();
        if (headers != null && headers.get("x-delivery-count") instanceof Number count) {
            return count.intValue() + 1;
        }
        return delivery.getEnvelope().isRedeliver() ? deliveryLimit : 1;
    }

    private static void backOff(int deliveries) {
        try {
            Thread.sleep(Math.min(2000L, 50L * deliveries * deliveries));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
