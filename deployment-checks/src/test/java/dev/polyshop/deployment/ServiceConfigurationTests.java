package dev.polyshop.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.polyshop.deployment.ServiceConfiguration.RequiredKey;

/** The rule that decides which configuration keys every deployment must set. */
class ServiceConfigurationTests {

    @TempDir
    Path module;

    @Test
    void shouldRequireHostsUrlsCredentialsAndKeyLocations() throws IOException {
        Map<String, RequiredKey> required = keysOf("""
                quarkus.redis.hosts=redis://127.0.0.1:6379
                quarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/polyshop_orders
                quarkus.datasource.username=postgres
                quarkus.datasource.password=
                smallrye.jwt.sign.key.location=keys/private.pem
                customer.manager.password=admin
                order.payment.endpoint=http://localhost:9000
                """, "");

        assertThat(required).containsOnlyKeys("quarkus.redis.hosts", "quarkus.datasource.jdbc.url",
                "quarkus.datasource.username", "quarkus.datasource.password", "smallrye.jwt.sign.key.location",
                "customer.manager.password", "order.payment.endpoint");
        assertThat(required.get("quarkus.datasource.jdbc.url").environmentVariables()).containsExactly(
                "QUARKUS_DATASOURCE_JDBC_URL");
        assertThat(required.get("order.payment.endpoint").why()).contains("points at a machine");
    }

    @Test
    void shouldIgnoreKeysThatDoNotDependOnWhereTheServiceRuns() throws IOException {
        Map<String, RequiredKey> required = keysOf("""
                quarkus.application.name=order-service
                quarkus.http.test-port=0
                quarkus.flyway.locations=db/migration
                mp.jwt.verify.issuer=polyshop
                order.saga.timeout=30s
                %test.order.payment.url=http://localhost:9000
                %dev.quarkus.datasource.password=dev
                """, "");

        assertThat(required).isEmpty();
    }

    @Test
    void shouldReadProductionProfileKeysAndTheVariablesOfExpressions() throws IOException {
        Map<String, RequiredKey> required = keysOf("""
                quarkus.http.port=${PORT:8104}
                %prod.order.archive.bucket=orders
                %dev,prod.order.mail.host=127.0.0.1
                """, "");

        assertThat(required).containsOnlyKeys("quarkus.http.port", "order.archive.bucket", "order.mail.host");
        assertThat(required.get("quarkus.http.port").environmentVariables()).containsExactly("QUARKUS_HTTP_PORT",
                "PORT");
    }

    @Test
    void shouldRequireTheKeysTheServicesLibrariesRead() throws IOException {
        Map<String, RequiredKey> required = keysOf("", """
                <dependency><artifactId>event-store-client</artifactId></dependency>
                <dependency><artifactId>quarkus-smallrye-jwt</artifactId></dependency>
                """);

        assertThat(required).containsOnlyKeys("polyshop.rabbitmq.host", "polyshop.rabbitmq.port",
                "polyshop.rabbitmq.username", "polyshop.rabbitmq.password", "polyshop.rabbitmq.virtual-host",
                "mp.jwt.verify.publickey.location");
        assertThat(required.get("polyshop.rabbitmq.virtual-host").environmentVariables()).containsExactly(
                "POLYSHOP_RABBITMQ_VIRTUAL_HOST");
    }

    @Test
    void shouldNameEnvironmentVariablesTheQuarkusWay() {
        assertThat(ServiceConfiguration.environmentName("accounting.couchbase.connection-string")).isEqualTo(
                "ACCOUNTING_COUCHBASE_CONNECTION_STRING");
        assertThat(ServiceConfiguration.environmentName("quarkus.log.category.\"io.x\".level")).isEqualTo(
                "QUARKUS_LOG_CATEGORY__IO_X__LEVEL");
    }

    private Map<String, RequiredKey> keysOf(String properties, String dependencies) throws IOException {
        Files.writeString(module.resolve("pom.xml"), "<project><dependencies>" + dependencies
                + "</dependencies></project>");
        Path resources = Files.createDirectories(module.resolve("src/main/resources"));
        Files.writeString(resources.resolve("application.properties"), properties);
        return ServiceConfiguration.environmentDependentKeys(module, "a-service");
    }
}
