package dev.polyshop.eventstore.client;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * The service's one connection to RabbitMQ. It recovers by itself from broker restarts, re-declaring queues and
 * re-registering consumers; each user takes channels of its own from it.
 */
@ApplicationScoped
public class RabbitMq {

    private static final Logger LOG = Logger.getLogger(RabbitMq.class);

    private final RabbitMqConfig config;
    private final Topology topology;
    private final String applicationName;
    /**
     * Runs the consumers' deliveries. Handlers may wait on it for an append's answer, which is delivered through it
     * too: the client's default, a fixed pool of two threads per CPU, can be used up by waiting handlers, and then
     * nobody receives the answers. Threads are made as needed instead; each channel still gets its deliveries one at a
     * time, in order.
     */
    private final ExecutorService dispatch = Executors.newCachedThreadPool(Thread.ofPlatform().daemon()
            .name("rabbitmq-dispatch-", 0).factory());
    private volatile Connection connection;

    public RabbitMq(RabbitMqConfig config, @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.config = config;
        this.topology = new Topology(config);
        this.applicationName = applicationName;
    }

    public Topology topology() {
        return topology;
    }

    public String applicationName() {
        return applicationName;
    }

    public Channel channel() throws IOException {
        Channel channel = connection().createChannel();
        if (channel == null) {
            throw new IOException("RabbitMQ refused a new channel");
        }
        return channel;
    }

    public boolean isOpen() {
        Connection current = connection;
        return current != null && current.isOpen();
    }

    private synchronized Connection connection() throws IOException {
        if (connection == null) {
            connection = connect();
        }
        return connection;
    }

    private Connection connect() throws IOException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(config.host());
        factory.setPort(config.port());
        factory.setUsername(config.username());
        factory.setPassword(config.password());
        factory.setVirtualHost(config.virtualHost());
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(1000);
        factory.setSharedExecutor(dispatch);
        factory.setRequestedHeartbeat(15);
        Instant deadline = Instant.now().plus(config.connectTimeout());
        while (true) {
            try {
                Connection opened = factory.newConnection(applicationName);
                LOG.infof("connected to RabbitMQ at %s:%d", config.host(), config.port());
                return opened;
            } catch (IOException | TimeoutException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("RabbitMQ at " + config.host() + ":" + config.port() + " is unreachable", e);
                }
                LOG.warnf("RabbitMQ at %s:%d not reachable yet (%s); retrying", config.host(), config.port(),
                        e.getMessage());
                pause(Duration.ofSeconds(1));
            }
        }
    }

    private static void pause(Duration duration) throws IOException {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to RabbitMQ", e);
        }
    }

    @PreDestroy
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close(5000);
            } catch (Exception e) {
                LOG.debug("closing the RabbitMQ connection", e);
            }
            connection = null;
        }
        dispatch.shutdown();
    }
}
