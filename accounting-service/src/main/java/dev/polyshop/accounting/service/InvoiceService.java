package dev.polyshop.accounting.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.polyshop.accounting.Invoice;
import dev.polyshop.accounting.InvoiceCredited;
import dev.polyshop.accounting.InvoiceIssued;
import dev.polyshop.accounting.config.AccountingConfig;
import dev.polyshop.accounting.repository.CancelledOrders;
import dev.polyshop.accounting.repository.InvoiceNumbers;
import dev.polyshop.accounting.repository.InvoiceRepository;
import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.AppendResult;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.eventstore.client.StreamConflictException;
import dev.polyshop.problems.ProblemException;

/**
 * The invoicing decisions and the invoice queries. Each decision is recorded in the event store first and then applied
 * to Couchbase by the same projection the subscription runs, so the answer reflects it at once.
 */
@ApplicationScoped
public class InvoiceService {

    private static final Logger LOG = Logger.getLogger(InvoiceService.class);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final int MAX_DECISIONS = 3;

    private final InvoiceRepository invoices;
    private final InvoiceNumbers numbers;
    private final CancelledOrders cancelledOrders;
    private final InvoiceProjection projection;
    private final EventStoreClient eventStore;
    private final Duration conflictWait;

    public InvoiceService(InvoiceRepository invoices, InvoiceNumbers numbers, CancelledOrders cancelledOrders,
            InvoiceProjection projection, EventStoreClient eventStore, AccountingConfig config) {
        this.invoices = invoices;
        this.numbers = numbers;
        this.cancelledOrders = cancelledOrders;
        this.projection = projection;
        this.eventStore = eventStore;
        this.conflictWait = config.conflictWait();
    }

    /** The invoice of an order: its stream id is derived from the order id, so each order can have only one. */
    public static UUID invoiceIdOf(UUID orderId) {
        return NewEvent.derivedId(orderId, "invoice");
    }

    /**
     * Issues the one invoice of an approved order, unless it exists. A second approval event of the same order, or the
     * same one delivered again, finds the invoice or its stream and issues nothing. If the order was cancelled before
     * this approval arrived, the invoice is credited at once.
     */
    public void issueFor(RecordedEvent approval, ApprovedOrder order) {
        UUID invoiceId = invoiceIdOf(order.orderId());
        if (invoices.find(invoiceId).isEmpty()) {
            numbers.reserve(invoiceId, () -> invoices.find(invoiceId).isPresent())
                    .ifPresent(number -> issue(approval, order, invoiceId, number));
        }
        if (cancelledOrders.contains(order.orderId())) {
            credit(invoiceId, approval);
        }
    }

    private void issue(RecordedEvent approval, ApprovedOrder order, UUID invoiceId, InvoiceNumbers.Reservation number) {
        InvoiceIssued issued = new InvoiceIssued(invoiceId, number.number(), order.orderId(), order.customer(),
                order.productId(), order.productName(), order.quantity(), order.unitPrice(), order.total(),
                number.issuedAt());
        try {
            AppendResult result = eventStore.append(AppendRequest.to(InvoiceProjection.STREAM_TYPE,
                    invoiceId.toString()).asNewStream().causedBy(approval)
                    .events(NewEvent.reactingTo(approval, InvoiceIssued.TYPE, issued)));
            projection.apply(result.events());
        } catch (StreamConflictException e) {
            LOG.infof("order %s already has invoice %s; approval %s issues nothing", order.orderId(), invoiceId,
                    approval.id());
            awaitProjection(invoiceId, e.currentVersion());
        }
        numbers.release(invoiceId);
    }

    /**
     * Credits the invoice of a cancelled order if it is issued. The cancellation is remembered first, so that an
     * approval still on its way credits the invoice it issues.
     */
    public void creditFor(RecordedEvent cancellation, UUID orderId) {
        cancelledOrders.remember(orderId);
        credit(invoiceIdOf(orderId), cancellation);
    }

    private void credit(UUID invoiceId, RecordedEvent cause) {
        for (int decision = 1; decision <= MAX_DECISIONS; decision++) {
            Optional<Invoice> invoice = invoices.find(invoiceId);
            if (invoice.isEmpty() || !invoice.get().isIssued()) {
                return;
            }
            try {
                AppendResult result = eventStore.append(AppendRequest.to(InvoiceProjection.STREAM_TYPE,
                        invoiceId.toString()).expectingVersion(invoice.get().version()).causedBy(cause)
                        .events(NewEvent.reactingTo(cause, InvoiceCredited.TYPE,
                                new InvoiceCredited(invoiceId, invoice.get().orderId()))));
                projection.apply(result.events());
                return;
            } catch (StreamConflictException e) {
                awaitProjection(invoiceId, e.currentVersion());
            }
        }
        throw new IllegalStateException("invoice " + invoiceId + " kept changing while being credited");
    }

    /** Waits, bounded, until the projection of the invoice reached a version the event store reported. */
    private void awaitProjection(UUID invoiceId, long version) {
        Instant deadline = Instant.now().plus(conflictWait);
        while (invoices.find(invoiceId).map(Invoice::version).orElse(0L) < version) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the projection of invoice " + invoiceId + " did not reach version "
                        + version + " within " + conflictWait);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the projection", e);
        }
    }

    /** Newest first. */
    public List<Invoice> list(Caller caller, Optional<UUID> orderId) {
        if (orderId.isPresent()) {
            return invoices.find(invoiceIdOf(orderId.get())).filter(caller::maySee).stream().toList();
        }
        return caller.manager() ? invoices.all() : invoices.ofCustomer(caller.username());
    }

    /** Someone else's invoice is not found, like one that does not exist. */
    public Invoice get(Caller caller, UUID id) {
        return invoices.find(id).filter(caller::maySee).orElseThrow(() -> ProblemException.notFound("invoice " + id));
    }
}
