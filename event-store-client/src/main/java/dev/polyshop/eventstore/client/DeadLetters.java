package dev.polyshop.eventstore.client;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import com.rabbitmq.client.Channel;

/** The dead-letter queue that every Polyshop queue sends what it cannot process to, as managers see it. */
@ApplicationScoped
public class DeadLetters {

    private final RabbitMq rabbit;

    public DeadLetters(RabbitMq rabbit) {
        this.rabbit = rabbit;
    }

    /** How many messages wait in the dead-letter queue. */
    public long count() throws IOException {
        try (Channel channel = rabbit.channel()) {
            rabbit.topology().declareShared(channel);
            return channel.queueDeclarePassive(rabbit.topology().deadLetterQueue()).getMessageCount();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException(e);
        }
    }
}
