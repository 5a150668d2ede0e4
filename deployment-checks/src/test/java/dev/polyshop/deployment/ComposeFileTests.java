package dev.polyshop.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.polyshop.deployment.ComposeFile.Mount;
import dev.polyshop.deployment.ServiceConfiguration.RequiredKey;

/** docker-compose.yml: valid for docker-compose, and consistent with the services, their databases and nginx. */
class ComposeFileTests {

    /** Each service and the one database it owns (DESIGN.md). */
    private static final Map<String, String> DATABASE_OF = Map.of("event-store", "mongo", "customer-service", "redis",
            "product-service", "mariadb", "order-service", "postgres", "accounting-service", "couchbase");
    /** Where each server image keeps its data. */
    private static final Map<String, String> DATA_DIRECTORY_OF = Map.of("mongo", "/data/db", "redis", "/data",
            "mariadb", "/var/lib/mysql", "postgres", "/var/lib/postgresql/data", "couchbase", "/opt/couchbase/var",
            "rabbitmq", "/var/lib/rabbitmq");
    private static final String GATEWAY = "nginx";
    private static final String BROKER = "rabbitmq";

    /** An upstream block; its body may hold ${VARIABLE} placeholders, whose braces are not the block's. */
    private static final Pattern UPSTREAM = Pattern.compile("upstream\\s+(\\w+)\\s*\\{((?:[^{}]|\\$\\{\\w+})*)}");
    private static final Pattern UPSTREAM_SERVER = Pattern.compile("^\\s*server\\s+([^\\s;]+)", Pattern.MULTILINE);
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\$\\{(\\w+)}");
    private static final Pattern PROXY_PASS = Pattern.compile("proxy_pass\\s+http://(\\w+)\\s*;");
    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::?[-?]([^}]*))?}");
    private static final Pattern SECRET_KEY = Pattern.compile("^\\s*([A-Z0-9_]*(PASSWORD|PASS|AUTH|SECRET)[A-Z0-9_]*)"
            + ":\\s*(.*)$", Pattern.MULTILINE);
    /** The password in scheme://user:password@host, where the user may itself be a ${VARIABLE:-default}. */
    private static final Pattern URL_PASSWORD = Pattern.compile("://(?:\\$\\{[^}]*}|[^:/@\\s]*):(\\S+?)@");

    private final ComposeFile compose = ComposeFile.resolved();

    @Test
    void shouldValidateWithDockerComposeWithAndWithoutAnEnvFile() throws Exception {
        // Without a .env, as in a clean clone, every variable falls back to its default.
        Path empty = Files.createTempFile("empty", ".env");
        try {
            Commands.Result cleanClone = ComposeFile.config(List.of("--env-file", empty.toString()), "-q");
            assertThat(cleanClone.succeeded()).as("docker-compose config without a .env:%n%s", cleanClone.output())
                    .isTrue();
        } finally {
            Files.delete(empty);
        }
        Commands.Result withExample = ComposeFile.config(List.of("--env-file", ComposeFile.ENV_EXAMPLE), "-q");
        assertThat(withExample.succeeded()).as("docker-compose config with .env.example:%n%s", withExample.output())
                .isTrue();
    }

    @Test
    void shouldPublishOnlyNginx() {
        for (String service : compose.services()) {
            assertThat(compose.service(service).path("network_mode").asText()).as("network_mode of %s", service)
                    .isNotEqualTo("host");
            if (!service.equals(GATEWAY)) {
                assertThat(compose.ports(service)).as("ports published by %s", service).isEmpty();
            }
        }
        JsonNode ports = compose.ports(GATEWAY);
        assertThat(ports).hasSize(1);
        JsonNode port = ports.get(0);
        String published = port.isTextual()
                ? port.asText()
                : port.path("published").asText() + ":" + port.path(
                        "target").asText();
        assertThat(published).as("the one port nginx publishes").startsWith("8080:");
    }

    @Test
    void shouldRouteEveryNginxUpstreamToAComposeService() {
        String template = Repository.read("nginx/upstreams.conf.template");
        Map<String, String> nginxEnvironment = compose.environment(GATEWAY);
        Set<String> upstreams = new TreeSet<>();
        Matcher upstream = UPSTREAM.matcher(withoutComments(template));
        while (upstream.find()) {
            upstreams.add(upstream.group(1));
            Matcher server = UPSTREAM_SERVER.matcher(upstream.group(2));
            assertThat(server.find()).as("a server in upstream %s", upstream.group(1)).isTrue();
            String address = server.group(1);
            Matcher variable = TEMPLATE_VARIABLE.matcher(address);
            if (variable.matches()) {
                assertThat(nginxEnvironment).as("the environment of %s, for upstream %s", GATEWAY, upstream.group(1))
                        .containsKey(variable.group(1));
                address = nginxEnvironment.get(variable.group(1));
            }
            String host = address.substring(0, address.lastIndexOf(':'));
            String port = address.substring(address.lastIndexOf(':') + 1);
            assertThat(compose.services()).as("services named by upstream %s (%s)", upstream.group(1), address)
                    .contains(host);
            assertThat(compose.isOneShot(host)).as("%s is a one-shot step", host).isFalse();
            assertThat(compose.environment(host).get("QUARKUS_HTTP_PORT")).as("the HTTP port of %s", host)
                    .isEqualTo(port);
            assertThat(compose.networks(host)).as("networks %s shares with %s", host, GATEWAY)
                    .containsAnyElementsOf(compose.networks(GATEWAY));
        }
        assertThat(upstreams).as("upstreams of nginx/upstreams.conf.template").isNotEmpty();
        Matcher proxyPass = PROXY_PASS.matcher(withoutComments(Repository.read("nginx/polyshop-api.conf")));
        while (proxyPass.find()) {
            assertThat(upstreams).as("upstreams defined for nginx/polyshop-api.conf").contains(proxyPass.group(1));
        }
    }

    @Test
    void shouldBuildEveryServiceFromTheRootDockerfile() {
        Map<String, String> builtByModule = compose.serviceImagesByModule();
        for (String module : Repository.serviceModules()) {
            assertThat(builtByModule).as("services built with --build-arg MODULE=<module> --target service")
                    .containsEntry(module, module);
            assertThat(compose.service(module).path("build").path("context").asText()).as("build context of %s",
                    module).isEqualTo(Repository.root().toString());
        }
    }

    @Test
    void shouldSetEveryEnvironmentDependentKeyEachServiceReads() {
        List<String> missing = new ArrayList<>();
        for (String module : Repository.serviceModules()) {
            Set<String> set = compose.environment(module).keySet();
            for (RequiredKey key : ServiceConfiguration.environmentDependentKeys(module).values()) {
                if (!key.isSetBy(set)) {
                    missing.add(module + " reads " + key.key() + " (" + key.why() + "), but " + ComposeFile.FILE
                            + " does not set " + String.join(" or ", key.environmentVariables()));
                }
            }
        }
        assertThat(missing).as("rule: %s", ServiceConfiguration.PLACE_OR_CREDENTIAL).isEmpty();
    }

    @Test
    void shouldConnectEachServiceToItsOwnDatabaseOnly() {
        for (String module : Repository.serviceModules()) {
            String database = DATABASE_OF.get(module);
            assertThat(database).as("the database of %s (add it to DATABASE_OF)", module).isNotNull();
            assertThat(compose.environment(module).values()).as("%s's configuration names the host %s", module,
                    database).anyMatch(
                            value -> Pattern.compile("(//|@)" + database + "([:/?]|$)").matcher(value)
                                    .find());
            assertThat(compose.networks(module)).as("networks %s shares with its database %s", module, database)
                    .containsAnyElementsOf(compose.networks(database));
        }
        for (String database : DATABASE_OF.values()) {
            for (String other : compose.services()) {
                boolean owner = database.equals(DATABASE_OF.get(other));
                if (other.equals(database) || owner || compose.isOneShot(other)) {
                    continue;
                }
                assertThat(compose.networks(other)).as("networks %s shares with the database %s", other, database)
                        .doesNotContainAnyElementsOf(compose.networks(database));
            }
            for (String network : compose.networks(database)) {
                assertThat(compose.network(network).path("internal").asBoolean()).as("network %s of %s is internal",
                        network, database).isTrue();
            }
        }
    }

    @Test
    void shouldPutTheServicesAndNginxOnTheBrokersNetwork() {
        for (String module : Repository.serviceModules()) {
            assertThat(compose.networks(module)).as("%s shares a network with %s", module, BROKER)
                    .containsAnyElementsOf(compose.networks(BROKER));
            assertThat(compose.environment(module)).containsEntry("POLYSHOP_RABBITMQ_HOST", BROKER);
        }
        assertThat(compose.networks(GATEWAY)).isEqualTo(compose.networks(BROKER));
    }

    @Test
    void shouldCheckTheHealthOfEveryLongRunningContainer() {
        for (String service : compose.services()) {
            JsonNode restart = compose.service(service).path("restart");
            assertThat(restart.isMissingNode()).as("%s says how it restarts (\"no\" for a one-shot step)", service)
                    .isFalse();
            if (compose.isOneShot(service)) {
                continue;
            }
            JsonNode healthcheck = compose.service(service).path("healthcheck");
            assertThat(healthcheck.path("disable").asBoolean(false)).as("healthcheck of %s disabled", service)
                    .isFalse();
            assertThat(healthcheck.path("test")).as("healthcheck of %s", service).isNotEmpty();
        }
    }

    @Test
    void shouldStartEachContainerOnlyOnceWhatItNeedsIsReady() {
        for (String service : compose.services()) {
            compose.dependsOn(service).forEach((dependency, condition) -> assertThat(condition).as(
                    "condition on which %s waits for %s", service, dependency).isEqualTo(
                            compose.isOneShot(dependency)
                                    ? "service_completed_successfully"
                                    : "service_healthy"));
        }
        for (String module : Repository.serviceModules()) {
            assertThat(compose.dependsOn(module)).as("what %s waits for", module).containsKeys(BROKER, "jwt-keys");
            String database = DATABASE_OF.get(module);
            boolean waitsForDatabase = compose.dependsOn(module).containsKey(database) || compose.dependsOn(module)
                    .keySet().stream().anyMatch(step -> compose.isOneShot(step) && compose.dependsOn(step).containsKey(
                            database));
            assertThat(waitsForDatabase).as("%s waits for %s, or for a set-up step that waits for it", module,
                    database).isTrue();
        }
        assertThat(compose.dependsOn(GATEWAY).keySet()).as("what nginx waits for").containsAll(Repository
                .serviceModules());
    }

    @Test
    void shouldKeepEveryServersDataOnANamedVolume() {
        DATA_DIRECTORY_OF.forEach((server, directory) -> assertThat(compose.mounts(server)).as("volumes of %s",
                server).anySatisfy(mount -> {
                    assertThat(mount.target()).isEqualTo(directory);
                    assertThat(compose.namedVolumes()).contains(mount.source());
                }));
    }

    @Test
    void shouldRunTheRealServers() {
        Map<String, String> images = new TreeMap<>();
        for (String server : List.of("mongo", "couchbase", BROKER, "redis", "mariadb", "postgres")) {
            images.put(server, compose.service(server).path("image").asText());
        }
        // The official image of each server, pinned to a version.
        images.forEach((server, image) -> assertThat(image).as("image of %s", server).matches(Pattern.quote(server)
                + ":[^:]*\\d[^:]*"));
        assertThat(images.get("couchbase")).as("the Couchbase image").contains(":community-");
        assertThat(images.get(BROKER)).as("the RabbitMQ image, with the management plugin").endsWith("-management");
        List<String> redis = new ArrayList<>();
        compose.service("redis").path("command").forEach(argument -> redis.add(argument.asText()));
        assertThat(String.join(" ", redis)).as("Redis command line").contains("--appendonly yes");
    }

    @Test
    void shouldDeclareQuorumQueuesForEveryService() {
        for (String module : Repository.serviceModules()) {
            assertThat(compose.environment(module)).as("environment of %s", module).containsEntry(
                    "POLYSHOP_RABBITMQ_QUEUE_TYPE", "quorum");
        }
    }

    @Test
    void shouldReadEverySecretFromTheEnvFile() {
        String raw = Repository.read(ComposeFile.FILE);
        Map<String, String> example = envExample();
        Map<String, String> defaults = new LinkedHashMap<>();
        Matcher variable = COMPOSE_VARIABLE.matcher(raw);
        while (variable.find()) {
            assertThat(variable.group(2)).as("default of ${%s} (a clean clone has no .env)", variable.group(1))
                    .isNotNull();
            defaults.put(variable.group(1), variable.group(2));
        }
        assertThat(defaults.keySet()).as("variables of %s declared in %s", ComposeFile.FILE, ComposeFile.ENV_EXAMPLE)
                .containsExactlyInAnyOrderElementsOf(example.keySet());
        defaults.forEach((name, value) -> assertThat(value).as("default of ${%s} in %s equals %s's", name,
                ComposeFile.FILE, ComposeFile.ENV_EXAMPLE).isEqualTo(example.get(name)));

        Matcher secret = SECRET_KEY.matcher(raw);
        while (secret.find()) {
            assertThat(secret.group(3)).as("%s comes from the .env", secret.group(1)).contains("${");
        }
        Matcher urlPassword = URL_PASSWORD.matcher(raw);
        while (urlPassword.find()) {
            assertThat(urlPassword.group(1)).as("a password inside a URL comes from the .env").startsWith("${");
        }
        assertThat(Repository.read(".gitignore").lines().map(String::strip)).as(".gitignore").contains(".env");
    }

    @Test
    void shouldGiveTheSigningKeyToCustomerServiceOnly() {
        for (String service : compose.services()) {
            List<Mount> privateKey = compose.mounts(service).stream().filter(m -> m.source().equals("jwt-private"))
                    .toList();
            if (service.equals("customer-service")) {
                assertThat(privateKey).singleElement().satisfies(mount -> {
                    assertThat(mount.readOnly()).isTrue();
                    assertThat(compose.environment(service).get("SMALLRYE_JWT_SIGN_KEY_LOCATION")).startsWith(mount
                            .target() + "/");
                });
            } else if (!service.equals("jwt-keys")) {
                assertThat(privateKey).as("%s mounts the signing key", service).isEmpty();
            }
        }
        for (String module : Repository.serviceModules()) {
            String location = compose.environment(module).get("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
            assertThat(compose.mounts(module)).as("%s mounts the public key read-only at %s", module, location)
                    .anySatisfy(mount -> {
                        assertThat(mount.source()).isEqualTo("jwt-public");
                        assertThat(mount.readOnly()).isTrue();
                        assertThat(location).startsWith(mount.target() + "/");
                    });
        }
    }

    @Test
    void shouldCreateTheCouchbaseBucketAndItsUserNamedLikeTheBucket() {
        Map<String, String> init = compose.environment("couchbase-init");
        Map<String, String> accounting = compose.environment("accounting-service");
        assertThat(accounting.get("ACCOUNTING_COUCHBASE_USERNAME")).isEqualTo(accounting.get(
                "ACCOUNTING_COUCHBASE_BUCKET")).isEqualTo(init.get("COUCHBASE_BUCKET"));
        assertThat(accounting.get("ACCOUNTING_COUCHBASE_PASSWORD")).isEqualTo(init.get("COUCHBASE_BUCKET_PASSWORD"));
        assertThat(compose.mounts("couchbase-init")).anySatisfy(mount -> {
            assertThat(Path.of(mount.source())).isRegularFile().startsWith(Repository.root());
            assertThat(compose.service("couchbase-init").path("entrypoint").toString()).contains(mount.target());
        });
    }

    private static Map<String, String> envExample() {
        Map<String, String> values = new LinkedHashMap<>();
        Repository.read(ComposeFile.ENV_EXAMPLE).lines().map(String::strip).filter(line -> !line.isEmpty() && !line
                .startsWith("#")).forEach(line -> {
                    String[] parts = line.split("=", 2);
                    values.put(parts[0], parts.length > 1 ? parts[1] : "");
                });
        return values;
    }

    private static String withoutComments(String nginxConfig) {
        return nginxConfig.replaceAll("(?m)#.*$", "");
    }
}
