package dev.polyshop.deployment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * docker-compose.yml as docker-compose itself reads it: the output of {@code docker-compose config} (anchors merged,
 * variables filled in from .env.example, every section in its long form), so the checks see what Compose would run.
 */
final class ComposeFile {

    static final String FILE = "docker-compose.yml";
    static final String ENV_EXAMPLE = ".env.example";

    private static ComposeFile resolved;

    private final JsonNode root;

    private ComposeFile(JsonNode root) {
        this.root = root;
    }

    static synchronized ComposeFile resolved() {
        if (resolved == null) {
            Commands.require("docker-compose", "docker-compose");
            Commands.Result result = config(List.of("--env-file", ENV_EXAMPLE));
            if (!result.succeeded()) {
                throw new AssertionError("docker-compose rejects " + FILE + ":\n" + result.output());
            }
            try {
                resolved = new ComposeFile(new YAMLMapper().readTree(result.output()));
            } catch (Exception e) {
                throw new AssertionError("docker-compose config printed no YAML: " + result.output(), e);
            }
        }
        return resolved;
    }

    /** {@code docker-compose -f docker-compose.yml <options> config <config options>}, in the repository root. */
    static Commands.Result config(List<String> options, String... configOptions) {
        List<String> command = new ArrayList<>(List.of("docker-compose", "-f", FILE));
        command.addAll(options);
        command.add("config");
        command.addAll(List.of(configOptions));
        return Commands.run(Repository.root(), Duration.ofMinutes(1), Map.of(), command);
    }

    Set<String> services() {
        Set<String> names = new LinkedHashSet<>();
        root.path("services").fieldNames().forEachRemaining(names::add);
        return names;
    }

    JsonNode service(String name) {
        JsonNode service = root.path("services").path(name);
        if (service.isMissingNode()) {
            throw new AssertionError(FILE + " has no service " + name);
        }
        return service;
    }

    Map<String, String> environment(String service) {
        Map<String, String> environment = new LinkedHashMap<>();
        JsonNode node = service(service).path("environment");
        if (node.isArray()) {
            node.forEach(entry -> {
                String[] parts = entry.asText().split("=", 2);
                environment.put(parts[0], parts.length > 1 ? parts[1] : "");
            });
        } else {
            node.fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().isNull()
                    ? ""
                    : e.getValue()
                            .asText()));
        }
        return environment;
    }

    Set<String> networks(String service) {
        Set<String> networks = new LinkedHashSet<>();
        JsonNode node = service(service).path("networks");
        if (node.isArray()) {
            node.forEach(n -> networks.add(n.asText()));
        } else {
            node.fieldNames().forEachRemaining(networks::add);
        }
        return networks;
    }

    JsonNode network(String name) {
        return root.path("networks").path(name);
    }

    /** depends_on: service name to condition. */
    Map<String, String> dependsOn(String service) {
        Map<String, String> dependencies = new LinkedHashMap<>();
        JsonNode node = service(service).path("depends_on");
        if (node.isArray()) {
            node.forEach(n -> dependencies.put(n.asText(), "service_started"));
        } else {
            node.fields().forEachRemaining(e -> dependencies.put(e.getKey(), e.getValue().path("condition").asText(
                    "service_started")));
        }
        return dependencies;
    }

    /** A volume or bind mount of a service. */
    record Mount(String source, String target, boolean readOnly) {
    }

    List<Mount> mounts(String service) {
        List<Mount> mounts = new ArrayList<>();
        for (JsonNode volume : service(service).path("volumes")) {
            if (volume.isTextual()) {
                String[] parts = volume.asText().split(":");
                mounts.add(new Mount(parts[0], parts.length > 1 ? parts[1] : parts[0], parts.length > 2 && List.of(
                        parts[2].split(",")).contains("ro")));
            } else {
                mounts.add(new Mount(volume.path("source").asText(), volume.path("target").asText(), volume.path(
                        "read_only").asBoolean(false)));
            }
        }
        return mounts;
    }

    Set<String> namedVolumes() {
        Set<String> names = new LinkedHashSet<>();
        root.path("volumes").fieldNames().forEachRemaining(names::add);
        return names;
    }

    JsonNode ports(String service) {
        JsonNode ports = service(service).path("ports");
        return ports.isMissingNode() ? MissingNode.getInstance() : ports;
    }

    /** One-shot set-up steps (restart: "no"): they run to completion, and the others wait for their success. */
    boolean isOneShot(String service) {
        return "no".equals(service(service).path("restart").asText());
    }

    /** The services built from the root Dockerfile's service target, by the module their MODULE argument names. */
    Map<String, String> serviceImagesByModule() {
        Map<String, String> byModule = new LinkedHashMap<>();
        for (String name : services()) {
            JsonNode build = service(name).path("build");
            if ("service".equals(build.path("target").asText())) {
                byModule.put(build.path("args").path("MODULE").asText(), name);
            }
        }
        return byModule;
    }
}
