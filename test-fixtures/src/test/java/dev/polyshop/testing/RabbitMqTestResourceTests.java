package dev.polyshop.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RabbitMqTestResourceTests {

    @Test
    void shouldGiveEachRunItsOwnNamespaceAndExpiringQueues() {
        Map<String, String> first = new RabbitMqTestResource().start();
        Map<String, String> second = new RabbitMqTestResource().start();

        assertThat(first.get("polyshop.rabbitmq.namespace")).matches("test-[0-9a-f]{8}\\.");
        assertThat(first.get("polyshop.rabbitmq.namespace")).isNotEqualTo(second.get("polyshop.rabbitmq.namespace"));
        assertThat(first).containsEntry("polyshop.rabbitmq.queue-expiry", "PT10M");
    }
}
