package dev.polyshop.product.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.polyshop.product.service.CatalogGate;

/** Ready once the catalog has started (its database rebuilt if it was empty), and not while it is being rebuilt. */
@Readiness
@ApplicationScoped
public class CatalogReadiness implements HealthCheck {

    private final CatalogGate gate;

    public CatalogReadiness(CatalogGate gate) {
        this.gate = gate;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("catalog").status(gate.isOpen()).build();
    }
}
