package dev.polyshop.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The local run's MongoDB and Couchbase stand-ins as a process of their own, as {@code ./polyshop run} starts them, for
 * tests that kill them the way a power cut would and start them again on the same data.
 */
public final class EmbeddedStoresProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final int mongoPort;
    private final int couchbaseHttpPort;
    private final int couchbaseKvPort;
    private Process process;

    private EmbeddedStoresProcess(Path dataDir, int mongoPort, int couchbaseHttpPort, int couchbaseKvPort) {
        this.dataDir = dataDir;
        this.mongoPort = mongoPort;
        this.couchbaseHttpPort = couchbaseHttpPort;
        this.couchbaseKvPort = couchbaseKvPort;
    }

    /** Starts the stand-ins on free ports, MongoDB keeping its data in {@code dataDir}, and waits until they are ready. */
    public static EmbeddedStoresProcess start(Path dataDir) throws IOException {
        EmbeddedStoresProcess stores = new EmbeddedStoresProcess(dataDir, FreePorts.any(), FreePorts.any(),
                FreePorts.any());
        stores.startAgain();
        return stores;
    }

    /** Starts them again on the same ports and data, after {@link #kill()} or {@link #close()}. */
    public void startAgain() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Path.of(System.getProperty("build.directory", "target"), "process-logs", "embedded-stores.log");
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(java, "-Xmx512m", "-jar", jar().toString(), "--data-dir", dataDir.toString(),
                "--mongo-port", String.valueOf(mongoPort), "--couchbase-http-port", String.valueOf(couchbaseHttpPort),
                "--couchbase-kv-port", String.valueOf(couchbaseKvPort))
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        awaitReady(log);
    }

    public String mongoConnectionString() {
        return "mongodb://127.0.0.1:" + mongoPort;
    }

    /** Ends the process the way a crash would: SIGKILL, no shutdown hook, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private void awaitReady(Path log) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        // Keeps reading after the ready line too, so that the launcher never blocks on a full pipe.
        Thread.ofPlatform().daemon().name("embedded-stores-output").start(() -> {
            try {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    if (line.startsWith("embedded stores ready")) {
                        ready.complete(true);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            ready.complete(false);
        });
        try {
            if (!ready.get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the embedded stores exited at start; see " + log);
            }
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the embedded stores were not ready in time; see " + log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the embedded stores", e);
        }
    }

    /**
     * {@code polyshop.embedded-stores.jar} if set, else {@code embedded-stores/target/embedded-stores.jar} seen from the
     * working directory or one of its parents.
     */
    static Path jar() {
        return BuiltJars.find("polyshop.embedded-stores.jar", "embedded-stores/target/embedded-stores.jar",
                "./mvnw -pl embedded-stores install -DskipTests");
    }
}
