package dev.polyshop.accounting.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.polyshop.accounting.saga.AccountingSubscriptions;
import dev.polyshop.accounting.service.RebuildService;

/**
 * Ready only while the projection is complete and its events and the saga's are consumed: not before the first
 * rebuild of an empty bucket has finished, not during a rebuild, and not after a failed one.
 */
@Readiness
@ApplicationScoped
public class ConsumersReadiness implements HealthCheck {

    static final String NAME = "accounting consumers";

    private final AccountingSubscriptions subscriptions;
    private final RebuildService rebuilds;

    ConsumersReadiness(AccountingSubscriptions subscriptions, RebuildService rebuilds) {
        this.subscriptions = subscriptions;
        this.rebuilds = rebuilds;
    }

    @Override
    public HealthCheckResponse call() {
        boolean rebuilding = rebuilds.isRunning();
        return HealthCheckResponse.named(NAME)
                .status(subscriptions.isOpen() && !rebuilding)
                .withData("rebuilding", rebuilding)
                .build();
    }
}
