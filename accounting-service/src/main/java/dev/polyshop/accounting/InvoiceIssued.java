package dev.polyshop.accounting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.polyshop.eventstore.client.MalformedMessageException;

/** The first event of every invoice stream: the order's one invoice, numbered. */
public record InvoiceIssued(
        UUID invoiceId,
        String number,
        UUID orderId,
        String customer,
        String productId,
        String productName,
        int quantity,
        BigDecimal unitPrice,
        BigDecimal total,
        Instant issuedAt) {

    public static final String TYPE = "InvoiceIssued";

    /**
     * The data as recorded, with amounts of two decimals. Data no invoice can be made of is rejected: such an event goes
     * to the dead-letter queue.
     */
    public InvoiceIssued normalized() {
        if (invoiceId == null || number == null || orderId == null || customer == null || unitPrice == null
                || total == null || issuedAt == null) {
            throw new MalformedMessageException("InvoiceIssued lacks a required field: " + this);
        }
        return new InvoiceIssued(invoiceId, number, orderId, customer, productId, productName, quantity,
                Money.of(unitPrice), Money.of(total), issuedAt);
    }
}
