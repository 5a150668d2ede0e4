package dev.polyshop.accounting.service;

import dev.polyshop.accounting.Invoice;

/** Who asks: a customer sees only their own invoices, a manager sees all. */
public record Caller(String username, boolean manager) {

    public boolean maySee(Invoice invoice) {
        return manager || invoice.belongsTo(username);
    }
}
