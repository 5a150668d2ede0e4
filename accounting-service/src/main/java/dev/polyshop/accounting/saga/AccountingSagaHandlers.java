package dev.polyshop.accounting.saga;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.polyshop.accounting.Money;
import dev.polyshop.accounting.service.ApprovedOrder;
import dev.polyshop.accounting.service.InvoiceService;
import dev.polyshop.eventstore.client.MalformedMessageException;
import dev.polyshop.eventstore.client.RecordedEvent;

/**
 * The accounting steps of the order saga: an approved order gets its invoice, a cancelled one its credit note. Order
 * events are read tolerantly (unknown fields ignored); one that no invoice can be made of goes to the dead-letter queue.
 */
@ApplicationScoped
public class AccountingSagaHandlers {

    static final String ORDER_APPROVED = "OrderApproved";
    static final String ORDER_CANCELLED = "OrderCancelled";
    static final List<String> ROUTING_KEYS = List.of(RecordedEvent.routingKey("order", ORDER_APPROVED),
            RecordedEvent.routingKey("order", ORDER_CANCELLED));
    private static final Logger LOG = Logger.getLogger(AccountingSagaHandlers.class);

    private final InvoiceService invoices;

    public AccountingSagaHandlers(InvoiceService invoices) {
        this.invoices = invoices;
    }

    public void handle(RecordedEvent event) {
        switch (event.type()) {
            case ORDER_APPROVED -> invoices.issueFor(event, approved(event));
            case ORDER_CANCELLED ->
                invoices.creditFor(event, orderId(event, event.dataAs(OrderCancelled.class).orderId()));
            default -> LOG.debugf("ignoring %s", event.routingKey());
        }
    }

    private static ApprovedOrder approved(RecordedEvent event) {
        OrderApproved data = event.dataAs(OrderApproved.class);
        if (data.customer() == null || data.customer().isBlank() || data.quantity() == null || data.quantity() < 1
                || data.unitPrice() == null || data.total() == null) {
            throw new MalformedMessageException("OrderApproved " + event.id() + " lacks customer, quantity or prices");
        }
        return new ApprovedOrder(orderId(event, data.orderId()), data.customer().toLowerCase(Locale.ROOT),
                data.productId(), data.productName(), data.quantity(), Money.of(data.unitPrice()),
                Money.of(data.total()));
    }

    /** The order id in the data, else the order stream's id, which is the same by the contract. */
    private static UUID orderId(RecordedEvent event, String inData) {
        String orderId = inData == null ? event.streamId() : inData;
        try {
            return UUID.fromString(orderId);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("an order id is a UUID, not " + orderId, e);
        }
    }

    record OrderApproved(String orderId, String customer, String productId, String productName, Integer quantity,
            BigDecimal unitPrice, BigDecimal total) {
    }

    record OrderCancelled(String orderId, String by) {
    }
}
