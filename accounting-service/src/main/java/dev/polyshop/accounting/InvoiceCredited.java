package dev.polyshop.accounting;

import java.util.UUID;

/** A credit note: the invoice's order was cancelled after approval, so the invoice no longer counts as revenue. */
public record InvoiceCredited(UUID invoiceId, UUID orderId) {

    public static final String TYPE = "InvoiceCredited";
}
