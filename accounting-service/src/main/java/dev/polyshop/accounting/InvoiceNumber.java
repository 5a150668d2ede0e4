package dev.polyshop.accounting;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.polyshop.eventstore.client.MalformedMessageException;

/** {@code INV-2026-000001}: the year, then a sequence that starts at 1 every year and has no gaps. */
public record InvoiceNumber(int year, long sequence) {

    private static final Pattern FORMAT = Pattern.compile("INV-(\\d{4})-(\\d{6,})");

    public static InvoiceNumber parse(String number) {
        Matcher matcher = FORMAT.matcher(number);
        if (!matcher.matches()) {
            throw new MalformedMessageException("not an invoice number: " + number);
        }
        return new InvoiceNumber(Integer.parseInt(matcher.group(1)), Long.parseLong(matcher.group(2)));
    }

    @Override
    public String toString() {
        return String.format("INV-%04d-%06d", year, sequence);
    }
}
