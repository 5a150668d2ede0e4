package dev.polyshop.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The root Dockerfile (there is no Docker engine to build it here, and no Dockerfile linter in Debian): each image
 * starts from a base image of a tag scheme its publisher uses, the service image carries the application the build
 * stage made, and every long-running image runs as a non-root user.
 */
class DockerfileTests {

    static final String FILE = "Dockerfile";

    /** The tag schemes of the base images, as their publishers name them (no registry host: Docker Hub). */
    private static final List<Pattern> KNOWN_BASE_IMAGES = List.of(
            Pattern.compile("maven:3\\.9(\\.\\d+)?-eclipse-temurin-21"),
            Pattern.compile("eclipse-temurin:21(\\.\\d+){0,2}(_\\d+)?-jre(-(noble|jammy|alpine|ubi9-minimal))?"),
            Pattern.compile("nginxinc/nginx-unprivileged:1\\.\\d+(\\.\\d+)?-alpine"),
            Pattern.compile("alpine:3\\.\\d+(\\.\\d+)?"));
    /** The one image that runs as root: a one-shot step that must chown files on fresh volumes (see its script). */
    private static final String ROOT_STAGE = "jwt-keys";
    private static final Pattern FROM = Pattern.compile("^FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC_USER = Pattern.compile("(\\d+)(:\\d+)?");

    record Stage(String name, String base, List<String> instructions) {

        List<String> all(String keyword) {
            return instructions.stream().filter(i -> i.regionMatches(true, 0, keyword + " ", 0, keyword.length() + 1))
                    .map(i -> i.substring(keyword.length() + 1).strip()).toList();
        }
    }

    @Test
    void shouldStartEveryImageFromAKnownBaseImageTag() {
        Map<String, Stage> stages = stages();
        for (Stage stage : stages.values()) {
            if (stages.containsKey(stage.base())) {
                continue;
            }
            assertThat(stage.base()).as("base image of stage %s: a pinned tag of a known scheme", stage.name())
                    .satisfies(base -> assertThat(KNOWN_BASE_IMAGES).anyMatch(p -> p.matcher(base).matches()));
        }
    }

    @Test
    void shouldBuildEveryServiceWithTheMavenWrapperOnJdk21() {
        Stage build = stages().get("build");
        assertThat(build.base()).contains("temurin-21");
        String maven = String.join("\n", build.all("RUN"));
        assertThat(maven).contains("./mvnw").contains(" package").contains("-am");
        Matcher projects = Pattern.compile("-pl\\s+(\\S+)").matcher(maven);
        assertThat(projects.find()).as("the build names the modules it builds (-pl)").isTrue();
        assertThat(projects.group(1).split(",")).as("modules the build stage builds")
                .containsExactlyInAnyOrderElementsOf(
                        Repository.serviceModules());
    }

    @Test
    void shouldCopyTheBuiltApplicationIntoTheServiceImage() {
        Map<String, Stage> stages = stages();
        Stage service = stages.get("service");
        assertThat(service.all("ARG")).contains("MODULE");
        List<String> copied = service.all("COPY").stream().filter(c -> c.startsWith("--from=build ")).map(c -> c
                .substring("--from=build ".length()).split("\\s+")[0]).toList();
        String application = stages.get("build").all("WORKDIR").getLast() + "/${MODULE}/target/quarkus-app/";
        assertThat(copied).as("what the service image takes from the build stage").containsExactlyInAnyOrder(
                application + "lib/", application + "*.jar", application + "app/", application + "quarkus/");
        assertThat(effective(stages, "service", "ENTRYPOINT")).as("entry point of the service image").contains(
                "\"-jar\"").contains("quarkus-run.jar");
        assertThat(effective(stages, "service", "EXPOSE")).isEqualTo("8080");
    }

    @Test
    void shouldRunEveryLongRunningImageAsANonRootUser() {
        Map<String, Stage> stages = stages();
        for (String image : List.of("service", "gateway")) {
            String user = effective(stages, image, "USER");
            assertThat(user).as("USER of the %s image (numeric, so Kubernetes can check runAsNonRoot)", image)
                    .isNotNull().matches(NUMERIC_USER);
            Matcher uid = NUMERIC_USER.matcher(user);
            assertThat(uid.matches() && Integer.parseInt(uid.group(1)) > 0).as("%s runs as uid %s", image, user)
                    .isTrue();
        }
        assertThat(effective(stages, ROOT_STAGE, "USER")).as("the %s step runs as root on purpose", ROOT_STAGE)
                .isNull();
        ComposeFile compose = ComposeFile.resolved();
        assertThat(compose.isOneShot(ROOT_STAGE)).as("%s is a one-shot step", ROOT_STAGE).isTrue();
        assertThat(compose.service(ROOT_STAGE).path("network_mode").asText()).isEqualTo("none");
    }

    @Test
    void shouldKeepBuildOutputsAndSecretsOutOfTheBuildContext() {
        List<String> ignored = Repository.read(".dockerignore").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l
                        .startsWith("#"))
                .toList();
        assertThat(ignored).contains("**/target", ".git", ".env", ".polyshop");
        List<String> needed = new ArrayList<>(List.of("pom.xml", "mvnw", ".mvn/maven.config", "scripts/lib/java.sh",
                "nginx/container.conf", "nginx/upstreams.conf.template", "docker/generate-jwt-keys.sh"));
        for (String module : Repository.serviceModules()) {
            needed.add(module + "/pom.xml");
            needed.add(module + "/src/main/resources/application.properties");
        }
        for (String pattern : ignored.stream().filter(p -> !p.startsWith("!")).toList()) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            PathMatcher below = FileSystems.getDefault().getPathMatcher("glob:" + pattern + "/**");
            for (String path : needed) {
                assertThat(matcher.matches(Path.of(path)) || below.matches(Path.of(path))).as(
                        ".dockerignore's %s leaves out %s, which the build needs", pattern, path).isFalse();
            }
        }
    }

    @Test
    void shouldLintTheContainerScripts() {
        Commands.require("shellcheck", "shellcheck");
        Commands.Result result = Commands.run(Repository.root(), Duration.ofMinutes(1), "shellcheck", "--shell=sh",
                "docker/generate-jwt-keys.sh", "docker/couchbase-init.sh");
        assertThat(result.succeeded()).as("shellcheck:%n%s", result.output()).isTrue();
    }

    /** The instructions of one stage, continuation lines joined, as one text (one instruction per line). */
    static String stage(String name) {
        Stage stage = stages().get(name);
        assertThat(stage).as("stage %s of %s", name, FILE).isNotNull();
        return String.join("\n", stage.instructions());
    }

    static Map<String, Stage> stages() {
        Map<String, Stage> stages = new LinkedHashMap<>();
        String joined = Repository.read(FILE).replaceAll("\\\\\\n", " ");
        Stage current = null;
        for (String line : joined.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher from = FROM.matcher(line.replaceAll("\\s+", " "));
            if (from.matches()) {
                String name = from.group(2) != null ? from.group(2) : "stage-" + stages.size();
                current = new Stage(name, from.group(1), new ArrayList<>());
                stages.put(name, current);
            } else {
                assertThat(current).as("an instruction before the first FROM: %s", line).isNotNull();
                current.instructions().add(line.replaceAll("\\s+", " "));
            }
        }
        return stages;
    }

    /** The value an instruction has in an image: its last occurrence in the stage or in the stages it builds on. */
    static String effective(Map<String, Stage> stages, String name, String keyword) {
        for (Stage stage = stages.get(name); stage != null; stage = stages.get(stage.base())) {
            List<String> values = stage.all(keyword);
            if (!values.isEmpty()) {
                return values.getLast();
            }
        }
        return null;
    }
}
