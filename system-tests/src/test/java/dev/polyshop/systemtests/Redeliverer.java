package dev.polyshop.systemtests;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * Delivers a share of the saga's messages a second time, as a broker does after a lost acknowledgement: it listens on
 * the system's events exchange and publishes copies of what it hears back onto it.
 */
final class Redeliverer implements AutoCloseable {

    private static final String COPY_HEADER = "x-polyshop-test-copy";

    private final Connection connection;
    private final AtomicInteger copies = new AtomicInteger();

    private Redeliverer(Connection connection) {
        this.connection = connection;
    }

    static Redeliverer start(double share) throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(System.getProperty("polyshop.rabbitmq.host", "127.0.0.1"));
        factory.setPort(Integer.getInteger("polyshop.rabbitmq.port", 5672));
        Redeliverer redeliverer = new Redeliverer(factory.newConnection("system-tests-redeliverer"));
        redeliverer.listen(share);
        return redeliverer;
    }

    private void listen(double share) throws IOException {
        String exchange = SystemUnderTest.rabbitNamespace() + "events";
        Channel listening = connection.createChannel();
        Channel publishing = connection.createChannel();
        String queue = listening.queueDeclare("", false, true, true, Map.of()).getQueue();
        for (String key : List.of("order.*", "product.*", "missing-product.*", "customer.*", "invoice.*")) {
            listening.queueBind(queue, exchange, key);
        }
        listening.basicConsume(queue, true, (tag, delivery) -> {
            Map<String, Object> headers = delivery.getProperties().getHeaders();
            boolean isCopy = headers != null && headers.containsKey(COPY_HEADER);
            if (!isCopy && ThreadLocalRandom.current().nextDouble() < share) {
                Map<String, Object> copyHeaders = new HashMap<>(headers == null ? Map.of() : headers);
                copyHeaders.put(COPY_HEADER, true);
                AMQP.BasicProperties copy = delivery.getProperties().builder().headers(copyHeaders).build();
                synchronized (publishing) {
                    publishing.basicPublish(exchange, delivery.getEnvelope().getRoutingKey(), copy,
                            delivery.getBody());
                }
                copies.incrementAndGet();
            }
        }, tag -> {
        });
    }

    int copies() {
        return copies.get();
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
