package dev.polyshop.deployment;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The configuration keys of a service whose value depends on where the service runs, and therefore must be set by
 * every deployment (docker-compose.yml, the Kubernetes manifests) as it is by the local run.
 *
 * <p>
 * The rule, applied to the keys of the service's {@code src/main/resources/application.properties} that apply in
 * production (no profile, or {@code %prod}):
 * <ul>
 * <li>a key whose last segment names a place or a credential: {@value #PLACE_OR_CREDENTIAL}; or</li>
 * <li>a key whose default value points at a machine: it contains {@code ://}, {@code 127.0.0.1} or
 * {@code localhost}.</li>
 * </ul>
 * Plus the keys that libraries read with built-in defaults, so they never appear in application.properties: a
 * service depending on event-store-client reads {@code polyshop.rabbitmq.host, port, username, password,
 * virtual-host}, and one depending on quarkus-smallrye-jwt reads {@code mp.jwt.verify.publickey.location}.
 *
 * <p>
 * A deployment sets a key by its environment variable, named the Quarkus way: upper case, every character other than a
 * letter or digit an underscore ({@code quarkus.datasource.jdbc.url} is {@code QUARKUS_DATASOURCE_JDBC_URL}). A key
 * whose value is an expression such as {@code ${PORT:8101}} may instead be set through the variable it names.
 *
 * <p>
 * So a key someone adds to a service later, such as {@code order.payment.url=http://127.0.0.1:9000}, fails the
 * checks until docker-compose.yml and the manifests set it.
 */
final class ServiceConfiguration {

    static final String PLACE_OR_CREDENTIAL = "host, hosts, port, url, uri, connection-string, username, user, password,"
            + " location, virtual-host, database, bucket";
    private static final Set<String> PLACE_OR_CREDENTIAL_SEGMENTS = Set.of(PLACE_OR_CREDENTIAL.split(",\\s*"));
    private static final Pattern POINTS_AT_A_MACHINE = Pattern.compile("://|127\\.0\\.0\\.1|localhost");
    private static final Pattern EXPRESSION_VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::[^}]*)?}");
    /** Keys only tests use, whatever their names. */
    private static final Set<String> TEST_ONLY = Set.of("quarkus.http.test-port", "quarkus.http.test-host");

    private static final Map<String, List<String>> LIBRARY_KEYS = Map.of(
            "<artifactId>event-store-client</artifactId>",
            List.of("polyshop.rabbitmq.host", "polyshop.rabbitmq.port", "polyshop.rabbitmq.username",
                    "polyshop.rabbitmq.password", "polyshop.rabbitmq.virtual-host"),
            "<artifactId>quarkus-smallrye-jwt</artifactId>", List.of("mp.jwt.verify.publickey.location"));

    /** A key a deployment must set, and the environment variables any of which sets it. */
    record RequiredKey(String key, String why, List<String> environmentVariables) {

        boolean isSetBy(Set<String> variables) {
            return environmentVariables.stream().anyMatch(variables::contains);
        }
    }

    private ServiceConfiguration() {
    }

    /** What the service in the given module of the repository reads that depends on where it runs, by key. */
    static Map<String, RequiredKey> environmentDependentKeys(String module) {
        return environmentDependentKeys(Repository.file(module), module);
    }

    static Map<String, RequiredKey> environmentDependentKeys(Path moduleDirectory, String module) {
        Map<String, RequiredKey> required = new TreeMap<>();
        String pom = Repository.read(moduleDirectory.resolve("pom.xml"));
        LIBRARY_KEYS.forEach((dependency, keys) -> {
            if (pom.contains(dependency)) {
                String library = dependency.replaceAll("</?artifactId>", "");
                keys.forEach(
                        key -> required.put(key, new RequiredKey(key, "read by " + library, List.of(environmentName(
                                key)))));
            }
        });
        productionProperties(moduleDirectory).forEach((key, value) -> {
            String why = whyEnvironmentDependent(key, value);
            if (why != null) {
                List<String> variables = new ArrayList<>();
                variables.add(environmentName(key));
                EXPRESSION_VARIABLE.matcher(value).results().map(m -> m.group(1)).forEach(name -> variables.add(
                        environmentName(name)));
                required.put(key, new RequiredKey(key, why + " in " + module
                        + "/src/main/resources/application.properties", List.copyOf(variables)));
            }
        });
        return required;
    }

    /** The Quarkus (SmallRye Config) environment variable name of a configuration key. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static String whyEnvironmentDependent(String key, String value) {
        if (TEST_ONLY.contains(key)) {
            return null;
        }
        String lastSegment = key.substring(key.lastIndexOf('.') + 1);
        if (PLACE_OR_CREDENTIAL_SEGMENTS.contains(lastSegment)) {
            return "its name ends in '" + lastSegment + "'";
        }
        if (POINTS_AT_A_MACHINE.matcher(value).find()) {
            return "its value '" + value + "' points at a machine";
        }
        return null;
    }

    /** The module's application.properties as production sees it: keys without a profile, and prod-profile keys. */
    private static Map<String, String> productionProperties(Path moduleDirectory) {
        Path file = moduleDirectory.resolve("src/main/resources/application.properties");
        Map<String, String> properties = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return properties;
        }
        Properties loaded = new Properties();
        try {
            loaded.load(new StringReader(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String name : loaded.stringPropertyNames()) {
            if (!name.startsWith("%")) {
                properties.putIfAbsent(name, loaded.getProperty(name));
                continue;
            }
            // %prod.key, or a key for several profiles: %dev,prod.key
            int dot = name.indexOf('.');
            if (dot > 0 && List.of(name.substring(1, dot).split(",")).contains("prod")) {
                properties.put(name.substring(dot + 1), loaded.getProperty(name));
            }
        }
        return properties;
    }
}
