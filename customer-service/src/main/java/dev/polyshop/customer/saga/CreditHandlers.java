package dev.polyshop.customer.saga;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.polyshop.customer.service.CreditService;
import dev.polyshop.eventstore.client.EventHandler;
import dev.polyshop.eventstore.client.RecordedEvent;

/**
 * The events of the order saga this service reacts to, from its queue {@code customer-service.saga}. The reactions are
 * idempotent by themselves (see {@link CreditService}), so they need no inbox.
 */
@ApplicationScoped
public class CreditHandlers implements EventHandler {

    public static final String QUEUE = "customer-service.saga";
    public static final List<String> ROUTING_KEYS = List.of(StockReserved.ROUTING_KEY, OrderEnded.REJECTED,
            OrderEnded.CANCELLED);

    private static final Logger LOG = Logger.getLogger(CreditHandlers.class);

    private final CreditService credit;

    public CreditHandlers(CreditService credit) {
        this.credit = credit;
    }

    @Override
    public void handle(RecordedEvent event) {
        if (StockReserved.ROUTING_KEY.equals(event.routingKey())) {
            StockReserved reserved = event.dataAs(StockReserved.class);
            BigDecimal total = reserved.total();
            credit.reserve(event, reserved.orderId(), reserved.customer(), total);
        } else if (OrderEnded.isOne(event)) {
            credit.orderEnded(event, OrderEnded.orderId(event));
        } else {
            LOG.debugf("ignoring %s: not a saga event of this service", event.routingKey());
        }
    }
}
