package dev.polyshop.systemtests;

import java.nio.file.Path;
import java.time.Duration;

/** Where the system under test is, from the system properties the build passes (see the pom). */
final class SystemUnderTest {

    private SystemUnderTest() {
    }

    static String baseUrl() {
        return System.getProperty("polyshop.base-url", "http://localhost:8080");
    }

    static Path repositoryDir() {
        return Path.of(System.getProperty("polyshop.repo-dir", "..")).toAbsolutePath().normalize();
    }

    /** The prefix of the system's exchanges and queues on the local RabbitMQ. */
    static String rabbitNamespace() {
        return System.getProperty("polyshop.rabbitmq.namespace", "e2e.");
    }

    /** Where ./polyshop start keeps the PID files of what it started. */
    static Path pidDir() {
        return repositoryDir().resolve(".polyshop/pids");
    }

    static Duration runTimeout() {
        return Duration.ofMinutes(Long.getLong("polyshop.run-timeout-minutes", 25));
    }
}
