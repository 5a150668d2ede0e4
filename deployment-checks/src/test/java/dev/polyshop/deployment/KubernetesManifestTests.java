package dev.polyshop.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import dev.polyshop.deployment.ServiceConfiguration.RequiredKey;

/** The Kubernetes manifests in k8s/: valid against the Kubernetes schemas, and a safe scale-out of every service. */
class KubernetesManifestTests {

    private static final String DIRECTORY = "k8s";
    private static final String GATEWAY = "gateway";
    /** Offline schema validation (npm); installed at test time into a directory git ignores. */
    private static final List<String> VALIDATOR_PACKAGES = List.of("kubernetes-models@5.1.0", "yaml@2");
    private static final Path TOOLS = Repository.file("deployment-checks/.tools/k8s-validation");
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\$\\{(\\w+)}");

    @Test
    void shouldListEveryManifestInTheKustomization() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(Repository.file(DIRECTORY))) {
            list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml") || n.endsWith(".yml")).filter(
                    n -> !n.startsWith("kustomization.")).forEach(files::add);
        }
        assertThat(resourceFiles()).as("resources of k8s/kustomization.yaml").containsExactlyInAnyOrderElementsOf(
                files);
        assertThat(kustomization().path("namespace").asText()).isEqualTo("polyshop");
    }

    @Test
    void shouldValidateAgainstTheKubernetesSchemas() {
        List<String> files = resourceFiles().stream().map(f -> Repository.file(DIRECTORY + "/" + f).toString())
                .toList();
        Commands.Result result = validate(files);
        assertThat(result.succeeded()).as("kubernetes-models validation of k8s/:%n%s", result.output()).isTrue();
    }

    @Test
    void shouldRenderAndValidateTheKustomization() throws IOException {
        Assumptions.assumeTrue(Commands.isInstalled("kubectl"), "kubectl is not installed (Debian has no current"
                + " package); the resources were validated one by one");
        Path home = Files.createTempDirectory("kubectl-home");
        Path rendered = home.resolve("rendered.yaml");
        // kubectl kustomize works offline; HOME keeps its cache out of the real home directory.
        Commands.Result render = Commands.run(Repository.root(), Duration.ofMinutes(1), Map.of("HOME", home
                .toString()), List.of("kubectl", "kustomize", DIRECTORY));
        assertThat(render.succeeded()).as("kubectl kustomize k8s:%n%s", render.output()).isTrue();
        Files.writeString(rendered, render.output());
        Commands.Result result = validate(List.of(rendered.toString()));
        assertThat(result.succeeded()).as("kubernetes-models validation of the rendered kustomization:%n%s", result
                .output()).isTrue();
        assertThat(readAll(rendered)).filteredOn(r -> !r.path("kind").asText().equals("Namespace")).allSatisfy(
                r -> assertThat(r.path("metadata").path("namespace").asText()).isEqualTo("polyshop"));
    }

    @Test
    void shouldRunAtLeastTwoReplicasOfEveryServiceAndTheGateway() {
        for (String name : deployed()) {
            JsonNode deployment = resource("Deployment", name);
            assertThat(deployment.path("spec").path("replicas").asInt(1)).as("replicas of %s", name)
                    .isGreaterThanOrEqualTo(2);
            JsonNode labels = deployment.path("spec").path("selector").path("matchLabels");
            assertThat(resources("PodDisruptionBudget")).as("a disruption budget for %s", name).anySatisfy(pdb -> {
                assertThat(pdb.path("spec").path("selector").path("matchLabels")).isEqualTo(labels);
                assertThat(pdb.path("spec").path("minAvailable").asInt()).isGreaterThanOrEqualTo(1);
            });
            assertThat(resources("Service")).as("a Service for %s", name).anySatisfy(service -> {
                assertThat(service.path("metadata").path("name").asText()).isEqualTo(name);
                assertThat(service.path("spec").path("selector")).isEqualTo(labels);
            });
        }
    }

    @Test
    void shouldProbeTheReadinessAndLivenessOfEveryService() {
        for (String module : Repository.serviceModules()) {
            JsonNode container = container(module);
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).as(
                    "readiness probe of %s", module).isEqualTo("/q/health/ready");
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).as(
                    "liveness probe of %s", module).isEqualTo("/q/health/live");
        }
        JsonNode gateway = container(GATEWAY);
        assertThat(gateway.path("readinessProbe").path("httpGet").isMissingNode()).isFalse();
        assertThat(gateway.path("livenessProbe").path("httpGet").isMissingNode()).isFalse();
    }

    @Test
    void shouldBoundTheResourcesOfEveryContainer() {
        for (String name : deployed()) {
            for (JsonNode container : podSpec(name).path("containers")) {
                for (String bound : List.of("requests", "limits")) {
                    JsonNode resources = container.path("resources").path(bound);
                    assertThat(resources.has("cpu") && resources.has("memory")).as("%s cpu and memory of %s", bound,
                            name).isTrue();
                }
            }
        }
    }

    @Test
    void shouldRunEveryPodAsTheNonRootUserOfItsImage() {
        Map<String, String> imageUsers = Map.of(GATEWAY, effectiveUser("gateway"));
        for (String name : deployed()) {
            JsonNode security = podSpec(name).path("securityContext");
            assertThat(security.path("runAsNonRoot").asBoolean()).as("runAsNonRoot of %s", name).isTrue();
            String imageUser = imageUsers.getOrDefault(name, effectiveUser("service"));
            assertThat(security.path("runAsUser").asText()).as("runAsUser of %s: the image's user", name).isEqualTo(
                    imageUser.split(":")[0]);
            for (JsonNode container : podSpec(name).path("containers")) {
                assertThat(container.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)).as(
                        "allowPrivilegeEscalation of %s", name).isFalse();
            }
        }
    }

    @Test
    void shouldSetEveryEnvironmentDependentKeyEachServiceReads() {
        List<String> missing = new ArrayList<>();
        for (String module : Repository.serviceModules()) {
            Set<String> set = environmentNames(container(module));
            for (RequiredKey key : ServiceConfiguration.environmentDependentKeys(module).values()) {
                if (!key.isSetBy(set)) {
                    missing.add(module + " reads " + key.key() + " (" + key.why() + "), but k8s/ does not set "
                            + String.join(" or ", key.environmentVariables()));
                }
            }
        }
        assertThat(missing).as("rule: %s", ServiceConfiguration.PLACE_OR_CREDENTIAL).isEmpty();
    }

    @Test
    void shouldRouteTheGatewayToTheServices() {
        Map<String, String> environment = new LinkedHashMap<>();
        container(GATEWAY).path("env").forEach(e -> environment.put(e.path("name").asText(), e.path("value")
                .asText()));
        Set<String> templateVariables = new TreeSet<>();
        TEMPLATE_VARIABLE.matcher(Repository.read("nginx/upstreams.conf.template").replaceAll("(?m)#.*$", ""))
                .results().map(m -> m.group(1)).forEach(templateVariables::add);
        assertThat(environment.keySet()).as("the gateway's environment").containsAll(templateVariables);
        for (String variable : templateVariables) {
            String address = environment.get(variable);
            String host = address.substring(0, address.lastIndexOf(':'));
            int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
            assertThat(resources("Service")).as("a Service %s on port %d", host, port).anySatisfy(service -> {
                assertThat(service.path("metadata").path("name").asText()).isEqualTo(host);
                assertThat(service.path("spec").path("ports")).anySatisfy(p -> assertThat(p.path("port").asInt())
                        .isEqualTo(port));
            });
        }
    }

    @Test
    void shouldGiveTheSigningKeyToCustomerServiceOnly() {
        for (String name : deployed()) {
            boolean signingKey = false;
            for (JsonNode volume : podSpec(name).path("volumes")) {
                for (JsonNode item : volume.path("secret").path("items")) {
                    signingKey |= item.path("key").asText().equals("private.pem");
                }
                if (volume.path("secret").has("secretName") && !volume.path("secret").has("items")) {
                    signingKey |= volume.path("secret").path("secretName").asText().equals("polyshop-jwt");
                }
            }
            assertThat(signingKey).as("%s mounts the JWT signing key", name).isEqualTo(name.equals(
                    "customer-service"));
        }
    }

    private static Commands.Result validate(List<String> files) {
        installValidator();
        try {
            // Next to its node_modules, so that its imports resolve.
            Files.copy(Path.of(KubernetesManifestTests.class.getResource("/validate-manifests.mjs").toURI()), TOOLS
                    .resolve("validate-manifests.mjs"), StandardCopyOption.REPLACE_EXISTING);
        } catch (Exception e) {
            throw new AssertionError("could not copy the validation script", e);
        }
        List<String> command = new ArrayList<>(List.of("node", "validate-manifests.mjs"));
        command.addAll(files);
        return Commands.run(TOOLS, Duration.ofMinutes(2), Map.of(), command);
    }

    private static synchronized void installValidator() {
        Commands.require("node", "nodejs");
        Commands.require("npm", "npm");
        Path installed = TOOLS.resolve("node_modules/kubernetes-models/package.json");
        if (Files.isRegularFile(installed) && Repository.read(installed).contains("\"version\": \"5.1.0\"")
                && Files.isDirectory(TOOLS.resolve("node_modules/yaml"))) {
            return;
        }
        try {
            Files.createDirectories(TOOLS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of("npm", "install", "--no-save", "--no-audit", "--no-fund",
                "--loglevel=error", "--prefix", TOOLS.toString()));
        command.addAll(VALIDATOR_PACKAGES);
        Commands.Result result = Commands.run(TOOLS, Duration.ofMinutes(5), Map.of(), command);
        assertThat(result.succeeded()).as("npm install %s:%n%s", VALIDATOR_PACKAGES, result.output()).isTrue();
    }

    /** The services and the gateway: everything k8s/ deploys. */
    private static List<String> deployed() {
        List<String> names = new ArrayList<>(Repository.serviceModules());
        names.add(GATEWAY);
        return names;
    }

    private static JsonNode kustomization() {
        return readAll(Repository.file(DIRECTORY + "/kustomization.yaml")).getFirst();
    }

    private static List<String> resourceFiles() {
        List<String> files = new ArrayList<>();
        kustomization().path("resources").forEach(r -> files.add(r.asText()));
        return files;
    }

    private static List<JsonNode> resources() {
        List<JsonNode> all = new ArrayList<>();
        for (String file : resourceFiles()) {
            all.addAll(readAll(Repository.file(DIRECTORY + "/" + file)));
        }
        return all;
    }

    private static List<JsonNode> resources(String kind) {
        return resources().stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
    }

    private static JsonNode resource(String kind, String name) {
        return resources(kind).stream().filter(r -> r.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("k8s/ has no " + kind + " " + name));
    }

    private static JsonNode podSpec(String deployment) {
        return resource("Deployment", deployment).path("spec").path("template").path("spec");
    }

    private static JsonNode container(String deployment) {
        for (JsonNode container : podSpec(deployment).path("containers")) {
            if (container.path("name").asText().equals(deployment)) {
                return container;
            }
        }
        throw new AssertionError("the Deployment " + deployment + " has no container named " + deployment);
    }

    /** Every environment variable a container gets: its env, and the keys of the ConfigMaps and Secrets of envFrom. */
    private static Set<String> environmentNames(JsonNode container) {
        Set<String> names = new HashSet<>();
        container.path("env").forEach(e -> names.add(e.path("name").asText()));
        for (JsonNode source : container.path("envFrom")) {
            String prefix = source.path("prefix").asText("");
            if (source.has("configMapRef")) {
                resource("ConfigMap", source.path("configMapRef").path("name").asText()).path("data").fieldNames()
                        .forEachRemaining(key -> names.add(prefix + key));
            }
            if (source.has("secretRef")) {
                JsonNode secret = resource("Secret", source.path("secretRef").path("name").asText());
                secret.path("data").fieldNames().forEachRemaining(key -> names.add(prefix + key));
                secret.path("stringData").fieldNames().forEachRemaining(key -> names.add(prefix + key));
            }
        }
        return names;
    }

    private static String effectiveUser(String stage) {
        String user = DockerfileTests.effective(DockerfileTests.stages(), stage, "USER");
        assertThat(user).as("the USER of the Dockerfile's %s image", stage).isNotNull();
        return user;
    }

    private static List<JsonNode> readAll(Path file) {
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(file
                .toFile())) {
            List<JsonNode> all = new ArrayList<>();
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    all.add(document);
                }
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
