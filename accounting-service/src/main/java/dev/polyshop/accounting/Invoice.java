package dev.polyshop.accounting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An invoice as this service keeps it: the projection of one {@code invoice} stream, stored as one Couchbase document.
 * {@code version} is the last stream version applied to it. Money is stored as decimal strings, so that no JSON reader
 * on the way ever turns it into a floating-point number.
 */
public record Invoice(
        UUID id,
        String number,
        UUID orderId,
        String customer,
        String productId,
        String productName,
        int quantity,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPrice,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
        Instant issuedAt,
        Status status,
        Instant creditedAt,
        long version) {

    public enum Status {
        /** Counts as revenue. */
        ISSUED,
        /** A credit note cancels it: its order was cancelled after approval. */
        CREDITED
    }

    public static Invoice issue(InvoiceIssued issued, long version) {
        return new Invoice(issued.invoiceId(), issued.number(), issued.orderId(), issued.customer(),
                issued.productId(), issued.productName(), issued.quantity(), issued.unitPrice(), issued.total(),
                issued.issuedAt(), Status.ISSUED, null, version);
    }

    public Invoice credit(Instant at, long version) {
        return new Invoice(id, number, orderId, customer, productId, productName, quantity, unitPrice, total, issuedAt,
                Status.CREDITED, at, version);
    }

    /** An event this version of the service does not know still takes a version of the stream. */
    public Invoice advancedTo(long version) {
        return new Invoice(id, number, orderId, customer, productId, productName, quantity, unitPrice, total, issuedAt,
                status, creditedAt, version);
    }

    @JsonIgnore
    public boolean isIssued() { return status == Status.ISSUED; }

    /** The accounting year and month are those of the issue date, in UTC. */
    @JsonIgnore
    public int year() {
        return issuedAt.atZone(ZoneOffset.UTC).getYear();
    }

    @JsonIgnore
    public int month() {
        return issuedAt.atZone(ZoneOffset.UTC).getMonthValue();
    }

    public boolean belongsTo(String username) {
        return customer.equalsIgnoreCase(username);
    }
}
