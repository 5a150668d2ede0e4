package dev.polyshop.eventstore.client;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A service is ready only while it can reach RabbitMQ: every write and every saga step travels through it. */
@Readiness
@ApplicationScoped
public class RabbitMqReadiness implements HealthCheck {

    private final RabbitMq rabbit;

    public RabbitMqReadiness(RabbitMq rabbit) {
        this.rabbit = rabbit;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("rabbitmq").status(rabbit.isOpen()).build();
    }
}
