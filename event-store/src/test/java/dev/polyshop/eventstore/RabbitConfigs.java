package dev.polyshop.eventstore;

import java.util.Properties;

import dev.polyshop.eventstore.client.RabbitMqConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The client library's configuration for code that runs outside Quarkus: tests that drive processes, benchmarks. */
final class RabbitConfigs {

    private RabbitConfigs() {
    }

    static RabbitMqConfig inNamespace(String namespace) {
        return inNamespace(namespace, 5672);
    }

    static RabbitMqConfig inNamespace(String namespace, int port) {
        Properties properties = new Properties();
        properties.setProperty("polyshop.rabbitmq.port", String.valueOf(port));
        properties.setProperty("polyshop.rabbitmq.namespace", namespace);
        properties.setProperty("polyshop.rabbitmq.queue-expiry", "PT10M");
        return new SmallRyeConfigBuilder()
                .withMapping(RabbitMqConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build()
                .getConfigMapping(RabbitMqConfig.class);
    }
}
