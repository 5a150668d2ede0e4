package dev.polyshop.accounting.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.couchbase.client.core.error.CasMismatchException;
import com.couchbase.client.core.error.DocumentExistsException;
import com.couchbase.client.core.error.DocumentNotFoundException;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.kv.GetResult;
import com.couchbase.client.java.kv.IncrementOptions;
import com.couchbase.client.java.kv.InsertOptions;
import com.couchbase.client.java.kv.MutationResult;
import com.couchbase.client.java.kv.ReplaceOptions;

import dev.polyshop.accounting.InvoiceNumber;
import dev.polyshop.accounting.config.AccountingConfig;

/**
 * Invoice numbers: one Couchbase counter per year ({@code invoice-counter::<yyyy>}, {@code binary().increment}), and
 * per invoice a reservation ({@code invoice-number::<invoiceId>}) that keeps the number an invoice was given until the
 * invoice is stored. An approval redelivered after a failure in between (the event store did not answer, the process
 * stopped) reuses its number instead of drawing a new one, so the sequence has no gaps.
 */
@ApplicationScoped
public class InvoiceNumbers {

    static final String COUNTER = "invoice-counter::";
    static final String RESERVATION = "invoice-number::";
    /** Long enough for a reservation to be completed; a claim left by a crashed consumer frees itself after it. */
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_ATTEMPTS = 20;

    private final Collection collection;
    private final Duration memory;

    public InvoiceNumbers(Collection collection, AccountingConfig config) {
        this.collection = collection;
        this.memory = config.memory();
    }

    /**
     * The number and issue date of an invoice, drawn once. The reservation is claimed before the counter is touched, so
     * two consumers handling the same approval at once never both draw a number: the one that finds a claim without a
     * number yet fails and is retried when its message comes back. Once claimed, {@code issued} is asked again, since
     * the invoice may have been stored (and its reservation released) since the caller looked.
     *
     * @return empty if the invoice turned out to be issued already
     * @throws ReservationInProgressException another consumer is numbering this invoice right now
     */
    public Optional<Reservation> reserve(UUID invoiceId, BooleanSupplier issued) {
        String key = RESERVATION + invoiceId;
        Optional<Reservation> existing = find(key);
        if (existing.isPresent()) {
            return Optional.of(existing.get().requireNumbered());
        }
        MutationResult claim;
        Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try {
            claim = collection.insert(key, new Reservation(invoiceId, null, issuedAt),
                    InsertOptions.insertOptions().expiry(CLAIM_TIMEOUT));
        } catch (DocumentExistsException e) {
            throw new ReservationInProgressException(invoiceId);
        }
        if (issued.getAsBoolean()) {
            remove(key);
            return Optional.empty();
        }
        int year = issuedAt.atZone(ZoneOffset.UTC).getYear();
        long sequence = collection.binary()
                .increment(COUNTER + year, IncrementOptions.incrementOptions().initial(1)).content();
        Reservation numbered = new Reservation(invoiceId, new InvoiceNumber(year, sequence).toString(), issuedAt);
        collection.replace(key, numbered, ReplaceOptions.replaceOptions().cas(claim.cas()).expiry(memory));
        return Optional.of(numbered);
    }

    /**
     * Makes sure the year's counter is at least at {@code number}'s sequence, so that numbering goes on after the
     * last recorded invoice once a rebuild has refilled a bucket that lost its documents. In normal operation the counter is past it
     * already and this is one read.
     */
    public void ensureCounterReached(InvoiceNumber number) {
        String key = COUNTER + number.year();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                GetResult counter = collection.get(key);
                if (counter.contentAs(Long.class) >= number.sequence()) {
                    return;
                }
                collection.replace(key, number.sequence(), ReplaceOptions.replaceOptions().cas(counter.cas()));
                return;
            } catch (DocumentNotFoundException e) {
                try {
                    collection.insert(key, number.sequence());
                    return;
                } catch (DocumentExistsException raced) {
                    // created meanwhile: compare again
                }
            } catch (CasMismatchException raced) {
                // incremented meanwhile: compare again
            }
        }
        throw new IllegalStateException("could not move the counter " + key + " to " + number);
    }

    /**
     * Forgets the reservation once the invoice is stored: from then on a redelivered approval finds the invoice itself.
     * A reservation left behind by a failure expires.
     */
    public void release(UUID invoiceId) {
        remove(RESERVATION + invoiceId);
    }

    private Optional<Reservation> find(String key) {
        try {
            return Optional.of(collection.get(key).contentAs(Reservation.class));
        } catch (DocumentNotFoundException e) {
            return Optional.empty();
        }
    }

    private void remove(String key) {
        try {
            collection.remove(key);
        } catch (DocumentNotFoundException e) {
            // already gone
        }
    }

    /** A number given to an invoice; {@code number} is null while the reservation is only claimed. */
    public record Reservation(UUID invoiceId, String number, Instant issuedAt) {

        Reservation requireNumbered() {
            if (number == null) {
                throw new ReservationInProgressException(invoiceId);
            }
            return this;
        }
    }

    /** Another consumer holds the claim on this invoice's number; the message is to be retried later. */
    public static class ReservationInProgressException extends RuntimeException {

        ReservationInProgressException(UUID invoiceId) {
            super("invoice " + invoiceId + " is being numbered by another consumer");
        }
    }
}
