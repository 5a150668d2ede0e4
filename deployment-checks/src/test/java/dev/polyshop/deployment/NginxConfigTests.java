package dev.polyshop.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Both nginx configurations pass {@code nginx -t}: the gateway image's (docker-compose and Kubernetes), as the image
 * lays it out, and the local run's, as ./polyshop renders it.
 */
class NginxConfigTests {

    /** Where the gateway stage of the Dockerfile puts things; the checks stage these two directories. */
    private static final List<String> IMAGE_DIRECTORIES = List.of("/etc/nginx", "/usr/share/nginx");
    /** The local run's service ports (./polyshop, scripts/lib/system.sh). */
    private static final Map<String, Integer> LOCAL_PORTS = Map.of("EVENT_STORE_ADDR", 8101, "CUSTOMER_SERVICE_ADDR",
            8102, "PRODUCT_SERVICE_ADDR", 8103, "ORDER_SERVICE_ADDR", 8104, "ACCOUNTING_SERVICE_ADDR", 8105);
    private static final Pattern GATEWAY_COPY = Pattern.compile("^COPY\\s+(\\S+)\\s+(\\S+)\\s*$", Pattern.MULTILINE);
    private static final Pattern GATEWAY_DIRECTORY = Pattern.compile("^RUN\\s+install\\s+-d\\s.*?(/\\S+)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\$\\{(\\w+)}");
    private static final Pattern LOCATION = Pattern.compile("location\\s+([^{]+?)\\s*\\{");

    private Path work;

    @BeforeAll
    static void requireNginx() {
        Commands.require("nginx", "nginx");
    }

    @BeforeEach
    void createWorkDirectory() throws IOException {
        work = Files.createTempDirectory("nginx-checks");
    }

    @AfterEach
    void deleteWorkDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void shouldPassNginxTestForTheContainerConfiguration() throws IOException {
        Map<String, String> environment = ComposeFile.resolved().environment("nginx");
        Path image = stageGatewayImage(environment);
        Set<String> upstreamHosts = upstreamHosts(image.resolve("etc/nginx/conf.d"));

        Commands.Result result = canUseMountNamespaces()
                ? testInMountNamespace(image, upstreamHosts)
                : testRewrittenCopy(image, upstreamHosts);

        assertThat(result.succeeded()).as("nginx -t of nginx/container.conf in the gateway image's layout:%n%s", result
                .output()).isTrue();
    }

    @Test
    void shouldPassNginxTestForTheLocalRunConfiguration() throws IOException {
        Path prefix = Files.createDirectories(work.resolve("local"));
        Path logs = Files.createDirectories(prefix.resolve("logs"));
        Files.createDirectories(prefix.resolve("conf"));
        Files.createDirectories(prefix.resolve("temp"));
        String userDirective = Commands.isRoot() ? "user root;" : "# not root";
        String config = Repository.read("nginx/local.conf.template").replace("@PREFIX@", prefix.toString())
                .replace("@SITE_DIR@", Repository.file("nginx").toString()).replace("@LOG_DIR@", logs.toString())
                .replace("@USER_DIRECTIVE@", userDirective);
        assertThat(config).as("placeholders left in nginx/local.conf.template").doesNotContainPattern("@[A-Z_]+@");
        Files.writeString(prefix.resolve("conf/nginx.conf"), config);
        Map<String, String> local = new LinkedHashMap<>();
        LOCAL_PORTS.forEach((variable, port) -> local.put(variable, "127.0.0.1:" + port));
        Files.writeString(prefix.resolve("conf/upstreams.conf"), fillIn(Repository.read(
                "nginx/upstreams.conf.template"), local));

        Commands.Result result = Commands.run(prefix, Duration.ofMinutes(1), "nginx", "-t", "-q", "-p", prefix + "/",
                "-c", prefix.resolve("conf/nginx.conf").toString(), "-e", logs.resolve("error.log").toString());

        assertThat(result.succeeded()).as("nginx -t of the local run's configuration:%n%s", result.output()).isTrue();
    }

    @Test
    void shouldServeTheSameLocationsInBothConfigurations() {
        String container = Repository.read("nginx/container.conf");
        String local = Repository.read("nginx/local.conf.template");
        for (String shared : List.of("polyshop-http.conf", "polyshop-api.conf", "polyshop-static.conf",
                "upstreams.conf")) {
            assertThat(container).as("nginx/container.conf includes %s", shared).contains(shared);
            assertThat(local).as("nginx/local.conf.template includes %s", shared).contains(shared);
        }
        assertThat(locations(container)).as("locations of nginx/container.conf").isEqualTo(locations(local));
    }

    /**
     * The gateway stage's files, where its COPY instructions put them, and the directories it makes (install -d), with
     * the upstream template filled in as the image's entrypoint does (envsubst of the variables that are set).
     */
    private Path stageGatewayImage(Map<String, String> environment) throws IOException {
        Path image = Files.createDirectories(work.resolve("image"));
        for (String directory : IMAGE_DIRECTORIES) {
            Files.createDirectories(image.resolve(directory.substring(1)));
        }
        Files.copy(Path.of("/etc/nginx/mime.types"), image.resolve("etc/nginx/mime.types"));
        Matcher copy = GATEWAY_COPY.matcher(DockerfileTests.stage("gateway"));
        int copies = 0;
        while (copy.find()) {
            String target = copy.group(2);
            assertThat(IMAGE_DIRECTORIES).as("where the gateway stage copies %s", copy.group(1)).anyMatch(
                    directory -> target.startsWith(directory + "/"));
            copyInto(Repository.file(copy.group(1)), image.resolve(target.substring(1)), target.endsWith("/"));
            copies++;
        }
        assertThat(copies).as("COPY instructions of the gateway stage").isPositive();
        Matcher directory = GATEWAY_DIRECTORY.matcher(DockerfileTests.stage("gateway"));
        while (directory.find()) {
            Files.createDirectories(image.resolve(directory.group(1).substring(1)));
        }
        Path templates = image.resolve("etc/nginx/templates");
        Files.createDirectories(image.resolve("etc/nginx/conf.d"));
        if (Files.isDirectory(templates)) {
            try (Stream<Path> files = Files.list(templates)) {
                for (Path template : files.filter(f -> f.toString().endsWith(".template")).toList()) {
                    String name = template.getFileName().toString().replace(".template", "");
                    Files.writeString(image.resolve("etc/nginx/conf.d").resolve(name), fillIn(Files.readString(
                            template), environment));
                }
            }
        }
        return image;
    }

    /** nginx -t with the configuration unchanged: the staged directories and host names only in a private mount namespace. */
    private Commands.Result testInMountNamespace(Path image, Set<String> upstreamHosts) throws IOException {
        Path hosts = work.resolve("hosts");
        Files.writeString(hosts, Files.readString(Path.of("/etc/hosts")) + "\n127.0.0.1 " + String.join(" ",
                upstreamHosts) + "\n");
        StringBuilder script = new StringBuilder("set -e\n");
        for (String directory : IMAGE_DIRECTORIES) {
            script.append("mount --bind '").append(image.resolve(directory.substring(1))).append("' '").append(
                    directory).append("'\n");
        }
        script.append("mount --bind '").append(hosts).append("' /etc/hosts\n");
        script.append("exec nginx -t -q -c /etc/nginx/nginx.conf -p /etc/nginx/ -e /dev/stderr\n");
        return Commands.run(work, Duration.ofMinutes(1), "unshare", "--mount", "--propagation", "private", "sh", "-c",
                script.toString());
    }

    private static boolean canUseMountNamespaces() {
        return Commands.isRoot() && Commands.run(Path.of("/"), Duration.ofSeconds(10), "unshare", "--mount", "true")
                .succeeded();
    }

    /**
     * Without a mount namespace (not root, or not allowed): a copy whose absolute paths point into the staged tree and
     * whose upstream hosts are 127.0.0.1.
     */
    private Commands.Result testRewrittenCopy(Path image, Set<String> upstreamHosts) throws IOException {
        Map<String, Path> moved = new LinkedHashMap<>();
        IMAGE_DIRECTORIES.forEach(directory -> moved.put(directory + "/", image.resolve(directory.substring(1))));
        // One pass, so that a path already pointing into the work directory is not moved again.
        Pattern absolute = Pattern.compile("(?<=[\\s\"])(" + String.join("|", moved.keySet().stream().map(
                Pattern::quote).toList()) + ")");
        try (Stream<Path> files = Files.walk(image)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".conf")).toList()) {
                String text = absolute.matcher(Files.readString(file)).replaceAll(m -> Matcher.quoteReplacement(moved
                        .get(m.group(1)) + "/"));
                for (String host : upstreamHosts) {
                    text = text.replaceAll("(server\\s+)" + Pattern.quote(host) + ":", "$1127.0.0.1:");
                }
                Files.writeString(file, text);
            }
        }
        Path etc = image.resolve("etc/nginx");
        return Commands.run(work, Duration.ofMinutes(1), "nginx", "-t", "-q", "-c", etc.resolve("nginx.conf")
                .toString(), "-p", etc + "/", "-e", "/dev/stderr");
    }

    private static Set<String> upstreamHosts(Path confD) throws IOException {
        Set<String> hosts = new TreeSet<>();
        Pattern server = Pattern.compile("^\\s*server\\s+([^\\s:;]+):\\d+", Pattern.MULTILINE);
        try (Stream<Path> files = Files.list(confD)) {
            for (Path file : files.toList()) {
                server.matcher(Files.readString(file)).results().map(m -> m.group(1)).forEach(hosts::add);
            }
        }
        assertThat(hosts).as("upstream hosts of the gateway").isNotEmpty();
        return hosts;
    }

    /** envsubst with only the given variables, as the nginx image's entrypoint runs it: nginx's own $vars stay. */
    private static String fillIn(String template, Map<String, String> variables) {
        Matcher variable = TEMPLATE_VARIABLE.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (variable.find()) {
            String value = variables.get(variable.group(1));
            variable.appendReplacement(filled, Matcher.quoteReplacement(value != null ? value : variable.group()));
        }
        variable.appendTail(filled);
        return filled.toString();
    }

    private static void copyInto(Path source, Path target, boolean intoDirectory) throws IOException {
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path destination = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(destination);
                    } else {
                        Files.copy(file, destination);
                    }
                }
            }
        } else {
            Path destination = intoDirectory ? target.resolve(source.getFileName().toString()) : target;
            Files.createDirectories(destination.getParent());
            Files.copy(source, destination);
        }
    }

    private static Set<String> locations(String config) {
        Set<String> locations = new TreeSet<>();
        LOCATION.matcher(config.replaceAll("(?m)#.*$", "")).results().map(m -> m.group(1).replaceAll("\\s+", " "))
                .forEach(locations::add);
        return locations;
    }
}
