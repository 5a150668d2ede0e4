package dev.polyshop.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Uses the RabbitMQ already running (the real server: there is no stand-in), and gives each application under test its
 * own namespace, a prefix on every exchange and queue name, so that concurrent test runs on one broker never consume
 * each other's messages. Queues expire after ten idle minutes, so test runs leave nothing behind.
 * <p>
 * Host and port: the environment variables {@code POLYSHOP_RABBITMQ_HOST} and {@code POLYSHOP_RABBITMQ_PORT}, else the
 * system properties {@code polyshop.rabbitmq.host} and {@code polyshop.rabbitmq.port}, else 127.0.0.1:5672.
 */
public class RabbitMqTestResource implements QuarkusTestResourceLifecycleManager {

    private static final int CONNECT_TIMEOUT_MILLIS = 2000;

    @Override
    public Map<String, String> start() {
        String host = setting("POLYSHOP_RABBITMQ_HOST", "polyshop.rabbitmq.host", "127.0.0.1");
        String port = setting("POLYSHOP_RABBITMQ_PORT", "polyshop.rabbitmq.port", "5672");
        requireReachable(host, Integer.parseInt(port));
        return Map.of(
                "polyshop.rabbitmq.host", host,
                "polyshop.rabbitmq.port", port,
                "polyshop.rabbitmq.namespace", newNamespace(),
                "polyshop.rabbitmq.queue-expiry", "PT10M");
    }

    @Override
    public void stop() {
    }

    /** For example {@code test-3f9a01c2.}: the dot keeps the prefix readable in front of names like {@code events}. */
    static String newNamespace() {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return "test-" + HexFormat.of().formatHex(random) + ".";
    }

    private static void requireReachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            throw new IllegalStateException("RabbitMQ is not reachable at " + host + ":" + port + " (" + e.getMessage()
                    + "). The tests need a running broker: start one, or point POLYSHOP_RABBITMQ_HOST and "
                    + "POLYSHOP_RABBITMQ_PORT at it.", e);
        }
    }

    private static String setting(String environmentVariable, String systemProperty, String defaultValue) {
        String value = System.getenv(environmentVariable);
        if (value == null || value.isBlank()) {
            value = System.getProperty(systemProperty);
        }
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
