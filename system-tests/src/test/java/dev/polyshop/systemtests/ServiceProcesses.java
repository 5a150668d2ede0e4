package dev.polyshop.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Crashes a service of the running system and starts it again exactly as ./polyshop start did: the same command line,
 * environment, working directory and log, found in /proc before the kill. The PID file is updated, so ./polyshop stop
 * still stops the new process.
 */
final class ServiceProcesses {

    private ServiceProcesses() {
    }

    record Service(Path pidFile, long pid, List<String> command, Map<String, String> environment, Path directory,
            Path log, int port) {
    }

    static Service find(String name) throws IOException {
        try (var files = Files.list(SystemUnderTest.pidDir())) {
            Path pidFile = files.filter(file -> file.getFileName().toString().endsWith("-" + name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no PID file for " + name + " in "
                            + SystemUnderTest.pidDir()));
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
            Path proc = Path.of("/proc", String.valueOf(pid));
            List<String> command = split(Files.readAllBytes(proc.resolve("cmdline")));
            Map<String, String> environment = new HashMap<>();
            for (String entry : split(Files.readAllBytes(proc.resolve("environ")))) {
                int equals = entry.indexOf('=');
                if (equals > 0) {
                    environment.put(entry.substring(0, equals), entry.substring(equals + 1));
                }
            }
            Path directory = Files.readSymbolicLink(proc.resolve("cwd"));
            Path log = Files.readSymbolicLink(proc.resolve("fd/1"));
            int port = Integer.parseInt(environment.getOrDefault("QUARKUS_HTTP_PORT",
                    environment.getOrDefault("PORT", "0")));
            return new Service(pidFile, pid, command, environment, directory, log, port);
        }
    }

    /** kill -9, then the same process again; returns once it answers ready. */
    static void crashAndRestart(String name) throws Exception {
        Service service = find(name);
        ProcessHandle.of(service.pid()).ifPresent(ProcessHandle::destroyForcibly);
        await(name + " gone").atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(service.pid())
                .map(handle -> !handle.isAlive()).orElse(true) && !listening(service.port()));
        List<String> command = new ArrayList<>(List.of("setsid"));
        command.addAll(service.command());
        ProcessBuilder builder = new ProcessBuilder(command).directory(service.directory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(service.log().toFile()));
        builder.environment().clear();
        builder.environment().putAll(service.environment());
        Process restarted = builder.start();
        List<String> pidFile = new ArrayList<>(Files.readAllLines(service.pidFile()));
        pidFile.set(0, String.valueOf(restarted.pid()));
        Files.write(service.pidFile(), pidFile);
        awaitReady(name, service.port());
    }

    static void awaitReady(String name, int port) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        await(name + " ready again").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> split(byte[] nulSeparated) {
        return Arrays.stream(new String(nulSeparated, StandardCharsets.UTF_8).split("\0"))
                .filter(part -> !part.isEmpty()).toList();
    }
}
