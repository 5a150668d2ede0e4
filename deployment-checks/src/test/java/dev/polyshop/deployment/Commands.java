package dev.polyshop.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command-line tools the checks rely on (docker-compose, nginx, node, kubectl, shellcheck), installing the
 * Debian package of a missing one with apt when the tests run as root, and failing with a clear message otherwise.
 */
final class Commands {

    record Result(int exitCode, String output) {

        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private Commands() {
    }

    static Result run(Path directory, Duration timeout, String... command) {
        return run(directory, timeout, Map.of(), List.of(command));
    }

    /** Runs a command with its standard error merged into its output; never hangs past the timeout. */
    static Result run(Path directory, Duration timeout, Map<String, String> environment, List<String> command) {
        try {
            Path output = Files.createTempFile("deployment-checks", ".out");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectErrorStream(true).redirectOutput(output.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout
                            + "; its output so far:\n" + Files.readString(output, StandardCharsets.UTF_8));
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", command), e);
        }
    }

    static boolean isInstalled(String command) {
        return run(Path.of("/"), Duration.ofSeconds(10), "sh", "-c", "command -v \"$0\" >/dev/null", command)
                .succeeded();
    }

    static boolean isRoot() {
        return run(Path.of("/"), Duration.ofSeconds(10), "id", "-u").output().strip().equals("0");
    }

    /** Makes sure the command is on the PATH: installs its Debian package as root, or fails saying what to install. */
    static void require(String command, String debianPackage) {
        if (isInstalled(command)) {
            return;
        }
        if (!isRoot()) {
            throw new AssertionError(command + " is not installed, and these checks install it only when they run as"
                    + " root: install Debian's " + debianPackage + " package (apt-get install " + debianPackage + ")");
        }
        List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "-q", "--no-install-recommends",
                "-o", "DPkg::Lock::Timeout=300", debianPackage));
        Map<String, String> quiet = Map.of("DEBIAN_FRONTEND", "noninteractive");
        Result result = run(Path.of("/"), Duration.ofMinutes(10), quiet, install);
        if (!result.succeeded()) {
            // The package lists may be missing or stale on a fresh machine.
            run(Path.of("/"), Duration.ofMinutes(5), quiet, List.of("apt-get", "update", "-q", "-o",
                    "DPkg::Lock::Timeout=300"));
            result = run(Path.of("/"), Duration.ofMinutes(10), quiet, install);
        }
        if (!result.succeeded() || !isInstalled(command)) {
            throw new AssertionError("installing " + debianPackage + " with apt failed:\n" + result.output());
        }
    }
}
