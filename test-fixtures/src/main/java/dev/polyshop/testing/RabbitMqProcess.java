package dev.polyshop.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A RabbitMQ broker of a test's own, from the Debian package, on free ports and a data directory of its own, for tests
 * that kill the broker the way a crash would and start it again on the same data. The machine's own broker is never
 * touched.
 */
public final class RabbitMqProcess implements AutoCloseable {

    private static final Path BIN = Path.of("/usr/lib/rabbitmq/bin");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Path dir;
    private final int port;
    private final int distributionPort;
    private Process process;

    private RabbitMqProcess(Path dir, int port, int distributionPort) {
        this.dir = dir;
        this.port = port;
        this.distributionPort = distributionPort;
    }

    /** Whether this machine has the broker installed at all. */
    public static boolean isInstalled() {
        return Files.isExecutable(BIN.resolve("rabbitmq-server"));
    }

    public static RabbitMqProcess start(Path dir) throws IOException {
        RabbitMqProcess broker = new RabbitMqProcess(dir, FreePorts.any(), FreePorts.any());
        Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(dir.resolve("mnesia"));
        Files.createDirectories(dir.resolve("log"));
        Files.writeString(dir.resolve("rabbitmq.conf"), "listeners.tcp.default = 127.0.0.1:" + broker.port + "\n"
                + "loopback_users = none\n");
        Files.writeString(dir.resolve("rabbitmq-env.conf"), "");
        Files.writeString(dir.resolve("enabled_plugins"), "[].\n");
        broker.startAgain();
        return broker;
    }

    public int port() {
        return port;
    }

    /** Starts it again on the same ports and data, after {@link #kill()}. */
    public void startAgain() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(BIN.resolve("rabbitmq-server").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("log/console.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("HOME", dir.resolve("home").toString());
        env.put("RABBITMQ_CONF_ENV_FILE", dir.resolve("rabbitmq-env.conf").toString());
        env.put("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq.conf").toString());
        env.put("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString());
        env.put("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString());
        env.put("RABBITMQ_LOG_BASE", dir.resolve("log").toString());
        env.put("RABBITMQ_NODENAME", "polyshop-test-" + port + "@localhost");
        env.put("RABBITMQ_DIST_PORT", String.valueOf(distributionPort));
        env.put("ERL_EPMD_ADDRESS", "127.0.0.1");
        env.put("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}");
        process = builder.start();
        awaitPort();
    }

    /** SIGKILL to the broker and everything it started: no clean shutdown, nothing flushed. */
    public void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (process.descendants().anyMatch(ProcessHandle::isAlive) || isListening()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the broker did not die");
            }
            process.onExit().completeOnTimeout(null, 100, TimeUnit.MILLISECONDS).join();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private void awaitPort() throws IOException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (!isListening()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("RabbitMQ exited at start; see " + dir.resolve("log"));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("RabbitMQ was not ready in time; see " + dir.resolve("log"));
            }
            process.onExit().completeOnTimeout(null, 200, TimeUnit.MILLISECONDS).join();
        }
    }

    private boolean isListening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
