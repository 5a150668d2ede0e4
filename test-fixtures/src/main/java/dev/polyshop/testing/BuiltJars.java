package dev.polyshop.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where a module's packaged jar is, for tests that start it as a process of its own. */
final class BuiltJars {

    private BuiltJars() {
    }

    /**
     * The path in the system property {@code property} if set, else {@code relativePath} seen from the working
     * directory or one of its parents (a module's tests run in the module's folder).
     */
    static Path find(String property, String relativePath, String buildCommand) {
        String configured = System.getProperty(property);
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relativePath);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(relativePath + " is missing: build it first with " + buildCommand);
    }
}
