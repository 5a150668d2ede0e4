package dev.polyshop.accounting.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.polyshop.accounting.Invoice;
import dev.polyshop.accounting.repository.InvoiceRepository;

/**
 * Revenue is computed from the year's invoices on every request rather than kept in a running total: a sum read from
 * the invoices cannot drift from them, needs no idempotency of its own against redelivered events, and a rebuild
 * reproduces it by construction. The price is one read per invoice of the year, in parallel, on a manager-only page.
 */
@ApplicationScoped
public class RevenueService {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final InvoiceRepository invoices;

    public RevenueService(InvoiceRepository invoices) {
        this.invoices = invoices;
    }

    /** What the ISSUED invoices of the year add up to, per month of issue; credited invoices do not count. */
    public Revenue of(int year) {
        BigDecimal[] totals = new BigDecimal[12];
        int[] counts = new int[12];
        Arrays.fill(totals, ZERO);
        for (Invoice invoice : invoices.ofYear(year)) {
            if (invoice.isIssued() && invoice.year() == year) {
                int month = invoice.month() - 1;
                totals[month] = totals[month].add(invoice.total());
                counts[month]++;
            }
        }
        List<Revenue.Month> months = new ArrayList<>();
        BigDecimal total = ZERO;
        int count = 0;
        for (int month = 0; month < 12; month++) {
            months.add(new Revenue.Month(month + 1, totals[month], counts[month]));
            total = total.add(totals[month]);
            count += counts[month];
        }
        return new Revenue(year, total, count, months);
    }

    public record Revenue(int year, BigDecimal total, int invoiceCount, List<Month> months) {

        public record Month(int month, BigDecimal total, int invoiceCount) {
        }
    }
}
