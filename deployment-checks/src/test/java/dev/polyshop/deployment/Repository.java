package dev.polyshop.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checkout the deployment files belong to. */
final class Repository {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    private Repository() {
    }

    static Path root() {
        String configured = System.getProperty("polyshop.repo-dir");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new AssertionError("no Polyshop checkout (pom.xml and docker-compose.yml) at or above " + start);
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        return read(file(relative));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The root pom's modules that are Quarkus applications: the services, each deployed on its own. */
    static List<String> serviceModules() {
        Matcher modules = MODULE.matcher(read("pom.xml"));
        return modules.results().map(m -> m.group(1).strip())
                .filter(module -> Files.isRegularFile(file(module + "/pom.xml")))
                .filter(module -> read(module + "/pom.xml").contains("<artifactId>quarkus-maven-plugin</artifactId>"))
                .toList();
    }
}
