package dev.polyshop.order.saga;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.polyshop.order.service.OrderService;
import io.quarkus.scheduler.Scheduled;

/** No order stays PENDING past the saga timeout: it is rejected, and the participants release what they hold. */
@ApplicationScoped
public class SagaTimeout {

    private static final Logger LOG = Logger.getLogger(SagaTimeout.class);

    private final OrderService orders;

    public SagaTimeout(OrderService orders) {
        this.orders = orders;
    }

    @Scheduled(every = "${order.timeout-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rejectStuckOrders() {
        int rejected = orders.rejectTimedOut();
        if (rejected > 0) {
            LOG.infof("rejected %d orders that passed the saga timeout", rejected);
        }
    }
}
