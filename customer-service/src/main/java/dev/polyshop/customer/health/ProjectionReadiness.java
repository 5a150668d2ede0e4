package dev.polyshop.customer.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.polyshop.customer.service.EventConsumers;

/**
 * Ready only while the projection is complete and kept current: not during the replay at start, nor during a rebuild,
 * when Redis holds only part of the customers.
 */
@Readiness
@ApplicationScoped
public class ProjectionReadiness implements HealthCheck {

    private final EventConsumers consumers;

    public ProjectionReadiness(EventConsumers consumers) {
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("customer-projection").status(consumers.isConsuming()).build();
    }
}
