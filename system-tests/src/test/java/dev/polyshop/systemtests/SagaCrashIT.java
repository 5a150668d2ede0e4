package dev.polyshop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/**
 * A crash of any one process at any moment loses nothing: while shoppers keep ordering, each of the five services in
 * turn is killed with SIGKILL and started again; once quiet, every invariant holds and no order is left PENDING.
 */
class SagaCrashIT {

    private static final List<String> SERVICES = List.of("event-store", "product-service", "customer-service",
            "order-service", "accounting-service");

    @Test
    void shouldKeepEveryInvariantWhenEachServiceIsKilledDuringABurstOfOrders() throws Exception {
        SagaWorld world = new SagaWorld(2, 10);

        CompletableFuture<Integer> burst = CompletableFuture.supplyAsync(() -> {
            try {
                return world.placeOrders(12, 0.1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        for (String service : SERVICES) {
            ServiceProcesses.crashAndRestart(service);
        }
        int refused = burst.get();
        world.awaitQuiet(Duration.ofMinutes(5));

        assertThat(world.acceptedOrders() + refused).isEqualTo(120);
        assertThat(world.acceptedOrders()).as("orders accepted despite the crashes").isPositive();
        world.assertInvariants();
    }
}
