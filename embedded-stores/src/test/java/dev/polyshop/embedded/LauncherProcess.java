package dev.polyshop.embedded;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The launcher ({@link EmbeddedStores}) in a JVM of its own, so that a test can kill it as a crash would. */
final class LauncherProcess implements AutoCloseable {

    private static final String READY = "embedded stores ready: ";

    private final Process process;
    private final Path stderr;
    private final CompletableFuture<String> connectionString = new CompletableFuture<>();

    private LauncherProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(this::readStdout, "launcher-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the launcher on free ports with its MongoDB data in {@code dataDir} and waits for its ready line. */
    static LauncherProcess start(Path dataDir) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            Path stderr = Files.createTempFile(dataDir.getParent(), "launcher", ".err");
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    EmbeddedStores.class.getName(), "--data-dir", dataDir.toString(),
                    "--mongo-port", freePort(), "--couchbase-http-port", freePort(), "--couchbase-kv-port", freePort())
                    .redirectError(stderr.toFile())
                    .start();
            LauncherProcess launcher = new LauncherProcess(process, stderr);
            launcher.awaitReady();
            return launcher;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the launcher", e);
        }
    }

    private static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        }
    }

    private void readStdout() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(READY)) {
                    connectionString.complete(line.substring(READY.length()).split(" ")[0]);
                }
            }
        } catch (IOException e) {
            connectionString.completeExceptionally(e);
        }
        connectionString.completeExceptionally(new IllegalStateException("launcher exited before it was ready"));
    }

    private void awaitReady() {
        await("launcher ready line, stderr: " + stderr).atMost(Duration.ofSeconds(60))
                .until(() -> connectionString.isDone() || !process.isAlive());
        if (!connectionString.isDone() || connectionString.isCompletedExceptionally()) {
            process.destroyForcibly();
            throw new IllegalStateException("launcher did not start: " + stderrText());
        }
    }

    String mongoConnectionString() {
        return connectionString.join();
    }

    /** SIGKILL: no shutdown hook, no last commit, as when the machine or the JVM dies. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: the launcher's shutdown hook closes the stores cleanly. */
    @Override
    public void close() {
        process.destroy();
        awaitExit();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String stderrText() {
        try {
            return String.join("\n", Files.readAllLines(stderr));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
