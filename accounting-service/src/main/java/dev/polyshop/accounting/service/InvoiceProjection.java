package dev.polyshop.accounting.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.couchbase.client.core.error.CasMismatchException;
import com.couchbase.client.core.error.DocumentExistsException;

import dev.polyshop.accounting.Invoice;
import dev.polyshop.accounting.InvoiceCredited;
import dev.polyshop.accounting.InvoiceIssued;
import dev.polyshop.accounting.InvoiceNumber;
import dev.polyshop.accounting.repository.InvoiceNumbers;
import dev.polyshop.accounting.repository.InvoiceRepository;
import dev.polyshop.accounting.repository.Versioned;
import dev.polyshop.eventstore.client.MalformedMessageException;
import dev.polyshop.eventstore.client.RecordedEvent;

/**
 * Keeps the invoice documents equal to the {@code invoice} streams. An event is applied only when it is the next
 * version of its stream: an older one was applied already and is skipped, a later one means one is missing yet, so it
 * fails and comes back later. Every write is conditional (insert, or replace with CAS), so the subscription and the
 * saga applying the same event at the same moment store it once.
 */
@ApplicationScoped
public class InvoiceProjection {

    public static final String STREAM_TYPE = "invoice";
    private static final Logger LOG = Logger.getLogger(InvoiceProjection.class);
    private static final int MAX_ATTEMPTS = 20;

    private final InvoiceRepository invoices;
    private final InvoiceNumbers numbers;

    public InvoiceProjection(InvoiceRepository invoices, InvoiceNumbers numbers) {
        this.invoices = invoices;
        this.numbers = numbers;
    }

    public void apply(List<RecordedEvent> events) {
        events.forEach(this::apply);
    }

    /** @return whether the event changed anything */
    public boolean apply(RecordedEvent event) {
        if (!STREAM_TYPE.equals(event.streamType())) {
            return false;
        }
        UUID invoiceId = invoiceId(event);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<Versioned<Invoice>> current = invoices.findVersioned(invoiceId);
            long applied = current.map(stored -> stored.value().version()).orElse(0L);
            if (event.version() <= applied) {
                return false;
            }
            if (event.version() > applied + 1) {
                throw new ProjectionGapException(event, applied);
            }
            try {
                store(current, event);
                return true;
            } catch (DocumentExistsException | CasMismatchException raced) {
                LOG.debugf("invoice %s changed while applying version %d; reading it again", invoiceId,
                        event.version());
            }
        }
        throw new IllegalStateException("could not apply " + event.routingKey() + " " + event.id());
    }

    private void store(Optional<Versioned<Invoice>> current, RecordedEvent event) {
        if (current.isEmpty()) {
            if (!InvoiceIssued.TYPE.equals(event.type())) {
                throw new MalformedMessageException("an invoice stream starts with " + event.type());
            }
            Invoice issued = Invoice.issue(event.dataAs(InvoiceIssued.class).normalized(), event.version());
            numbers.ensureCounterReached(InvoiceNumber.parse(issued.number()));
            invoices.insert(issued);
            return;
        }
        Invoice invoice = current.get().value();
        Invoice next = switch (event.type()) {
            case InvoiceCredited.TYPE -> invoice.credit(event.recordedAt(), event.version());
            default -> invoice.advancedTo(event.version());
        };
        invoices.replace(next, current.get().cas());
    }

    private static UUID invoiceId(RecordedEvent event) {
        try {
            return UUID.fromString(event.streamId());
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("an invoice stream id is a UUID, not " + event.streamId(), e);
        }
    }

    /** An earlier event of the stream has not been applied yet; this one waits for it. */
    public static class ProjectionGapException extends RuntimeException {

        ProjectionGapException(RecordedEvent event, long applied) {
            super("invoice " + event.streamId() + " is at version " + applied + ", so version " + event.version()
                    + " must wait");
        }
    }
}
