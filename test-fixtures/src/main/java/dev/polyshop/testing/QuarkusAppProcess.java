package dev.polyshop.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged Quarkus service as a process of its own, on a free port, for tests that kill it and start it again: the
 * real jar, not the application under {@code @QuarkusTest}.
 */
public final class QuarkusAppProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final Path log;

    private QuarkusAppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** This module's own packaged application, {@code target/quarkus-app/quarkus-run.jar}. */
    public static Path ownJar() {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("the packaged application is missing: " + jar.toAbsolutePath());
        }
        return jar;
    }

    /** Starts the jar with the environment given (plus its HTTP port) and waits until it answers ready. */
    public static QuarkusAppProcess start(Path jar, Map<String, String> environment, String logName)
            throws IOException {
        Path dir = Path.of(System.getProperty("build.directory", "target"), "process-logs");
        Files.createDirectories(dir);
        Path log = dir.resolve(logName + ".log");
        int port = FreePorts.any();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        QuarkusAppProcess started = new QuarkusAppProcess(builder.start(), port, log);
        started.awaitReady();
        return started;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady() throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited at start; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the application", e);
            }
            process.onExit().completeOnTimeout(null, 250, TimeUnit.MILLISECONDS).join();
        }
        process.destroyForcibly();
        throw new IllegalStateException("the application was not ready within " + READY_TIMEOUT + "; see " + log);
    }

    /** Ends the process the way a crash would: SIGKILL, no shutdown hook, no flushing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Stops it the way an operator does: SIGTERM and a graceful shutdown, SIGKILL if it hangs. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
