package dev.polyshop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's "nothing lost": 20 shoppers place 300 orders at once over three scarce products, some are cancelled, and a
 * third of the saga's messages are delivered twice. Once the system is quiet, every invariant holds.
 */
class SagaInvariantsIT {

    @Test
    void shouldKeepEveryInvariantUnderConcurrentOrdersCancellationsAndRedeliveries() throws Exception {
        SagaWorld world = new SagaWorld(3, 20);

        try (Redeliverer redeliverer = Redeliverer.start(0.33)) {
            int refused = world.placeOrders(15, 0.05);
            world.cancelSome(0.1);
            world.awaitQuiet(Duration.ofMinutes(4));

            assertThat(refused).as("orders the system refused").isZero();
            assertThat(world.acceptedOrders()).isEqualTo(300);
            assertThat(redeliverer.copies()).as("messages delivered twice").isPositive();
        }
        world.assertInvariants();
        world.assertRebuildsReproduceTheLiveState();
    }
}
