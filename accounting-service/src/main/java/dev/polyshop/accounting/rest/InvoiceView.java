package dev.polyshop.accounting.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.polyshop.accounting.Invoice;

/** An invoice as API.md shows it; {@code creditedAt} is set once a credit note cancelled it. */
public record InvoiceView(
        UUID id,
        String number,
        UUID orderId,
        String customer,
        String productId,
        String productName,
        int quantity,
        BigDecimal unitPrice,
        BigDecimal total,
        Instant issuedAt,
        Invoice.Status status,
        Instant creditedAt) {

    static InvoiceView of(Invoice invoice) {
        return new InvoiceView(invoice.id(), invoice.number(), invoice.orderId(), invoice.customer(),
                invoice.productId(), invoice.productName(), invoice.quantity(), invoice.unitPrice(), invoice.total(),
                invoice.issuedAt(), invoice.status(), invoice.creditedAt());
    }
}
