package dev.polyshop.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, as a newcomer types it: a fresh clone of the committed tree, {@code ./polyshop run}, the
 * system answering through nginx, then a stop that leaves nothing behind. It binds the same ports as a running system,
 * so {@code ./polyshop test} runs it (tag {@code run-command}) before it starts the system for the end-to-end ITs.
 */
@Tag("run-command")
class RunCommandIT {

    /** nginx, the five services, the MongoDB stand-in, the Couchbase mock (HTTP and key-value). */
    private static final List<Integer> PORTS = List.of(8080, 8101, 8102, 8103, 8104, 8105, 27017, 8091, 11210);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @TempDir
    Path workDir;

    @Test
    void shouldServeTheShopThroughNginxAndLeaveNothingBehindWhenStopped() throws Exception {
        assertThat(listening(PORTS)).as("ports the run needs, already taken before the test").isEmpty();
        Path clone = cloneCommittedTree();
        Path output = workDir.resolve("polyshop-run.out");
        ProcessBuilder command = new ProcessBuilder("./polyshop", "run")
                .directory(clone.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        // Databases, Redis keys and RabbitMQ names of its own: the clone's system shares the servers with this tree's.
        command.environment().put("POLYSHOP_NAMESPACE", "run_command");
        Process run = command.start();
        boolean stoppedInTime;
        List<String> leftovers;
        List<Integer> stillListening;
        try {
            await("./polyshop run serving " + SystemUnderTest.baseUrl())
                    .atMost(SystemUnderTest.runTimeout())
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> isUp(run, output));

            given().baseUri(SystemUnderTest.baseUrl())
                    .when().get("/api/events")
                    .then().statusCode(401);
        } finally {
            stoppedInTime = stop(run);
            List<ProcessHandle> left = processesMentioning(clone);
            leftovers = left.stream().map(RunCommandIT::describe).toList();
            stillListening = awaitPortsClosed();
            killLeftovers(run, left);
            keepLogs(clone, output);
        }

        assertThat(stoppedInTime).as("./polyshop run exited within %s of SIGTERM", STOP_TIMEOUT).isTrue();
        assertThat(run.exitValue()).as("exit status of ./polyshop run after SIGTERM").isZero();
        assertThat(leftovers).as("processes still running from the clone").isEmpty();
        assertThat(stillListening).as("ports still listening after the stop").isEmpty();
    }

    private Path cloneCommittedTree() throws IOException, InterruptedException {
        Path clone = workDir.resolve("polyshop");
        Process git = new ProcessBuilder("git", "clone", "--quiet", SystemUnderTest.repositoryDir().toString(),
                clone.toString())
                .redirectErrorStream(true)
                .start();
        String gitOutput = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(git.waitFor(2, TimeUnit.MINUTES)).as("git clone finished").isTrue();
        assertThat(git.exitValue()).as("git clone: " + gitOutput).isZero();
        return clone.toRealPath();
    }

    /** Up once the addresses are printed and nginx answers; a run that exits on the way fails at once. */
    private boolean isUp(Process run, Path output) throws IOException {
        if (!run.isAlive()) {
            fail("./polyshop run exited with status %d before the system was up:%n%s", run.exitValue(), tail(output));
        }
        return read(output).contains("http://localhost:8080/admin/") && answers("/api/events");
    }

    private boolean answers(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(SystemUnderTest.baseUrl() + path))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            http.send(request, HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGTERM, as a service manager or a closed terminal would send; the script stops everything it started. */
    private static boolean stop(Process run) throws InterruptedException {
        run.destroy();
        return run.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private static List<ProcessHandle> processesMentioning(Path clone) {
        String dir = clone.toString();
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(process -> process.pid() != self)
                .filter(process -> process.info().commandLine().filter(line -> line.contains(dir)).isPresent())
                .toList();
    }

    private static String describe(ProcessHandle process) {
        return process.pid() + " " + process.info().commandLine().orElse("(gone)");
    }

    private static List<Integer> awaitPortsClosed() {
        try {
            await("ports released").atMost(Duration.ofSeconds(15)).until(() -> listening(PORTS).isEmpty());
        } catch (ConditionTimeoutException e) {
            // The assertion after the clean-up reports which ones.
        }
        return listening(PORTS);
    }

    private static List<Integer> listening(List<Integer> ports) {
        return ports.stream().filter(RunCommandIT::isListening).toList();
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Whatever a failed stop left behind must not outlive the test and block the next run. */
    private static void killLeftovers(Process run, List<ProcessHandle> leftovers) throws InterruptedException {
        if (run.isAlive()) {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        leftovers.forEach(ProcessHandle::destroyForcibly);
    }

    /** The clone is deleted with the temp dir: its output and logs stay in target/ for a post-mortem. */
    private static void keepLogs(Path clone, Path output) throws IOException {
        Path kept = Path.of("target", "run-command");
        Files.createDirectories(kept);
        Files.copy(output, kept.resolve(output.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Path logs = clone.resolve(".polyshop/logs");
        if (Files.isDirectory(logs)) {
            try (Stream<Path> files = Files.list(logs)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, kept.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String tail(Path output) throws IOException {
        List<String> lines = read(output).lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String read(Path output) throws IOException {
        return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
    }
}
