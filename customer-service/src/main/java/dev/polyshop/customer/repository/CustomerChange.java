package dev.polyshop.customer.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import dev.polyshop.customer.CreditReservation;
import dev.polyshop.customer.Money;

/**
 * What one event of a customer's stream changes in Redis: fields of the customer's hash, the credit, and the entry of
 * one order's reservation.
 *
 * @param version the event's version in the customer's stream
 * @param fields customer hash fields to set
 * @param creditDeltaCents added to the credit (negative to take), in cents
 * @param reservation the order's new reservation entry, or null
 */
public record CustomerChange(String username, long version, Map<String, String> fields, long creditDeltaCents,
        CreditReservation reservation) {

    static final String USERNAME = "username";
    static final String FULL_NAME = "fullName";
    static final String EMAIL = "email";
    static final String PASSWORD_HASH = "passwordHash";
    static final String CREDIT_CENTS = "creditCents";
    static final String CREATED_AT = "createdAt";
    static final String VERSION = "version";

    public CustomerChange {
        fields = Map.copyOf(fields);
    }

    public static CustomerChange registered(String username, long version, String fullName, String email,
            String passwordHash, BigDecimal credit, Instant createdAt) {
        return fields(username, version, Map.of(USERNAME, username, FULL_NAME, fullName, EMAIL, email,
                PASSWORD_HASH, passwordHash, CREDIT_CENTS, Long.toString(Money.cents(credit)), CREATED_AT,
                createdAt.toString()));
    }

    public static CustomerChange profile(String username, long version, String fullName, String email) {
        return fields(username, version, Map.of(FULL_NAME, fullName, EMAIL, email));
    }

    public static CustomerChange password(String username, long version, String passwordHash) {
        return fields(username, version, Map.of(PASSWORD_HASH, passwordHash));
    }

    public static CustomerChange credit(String username, long version, BigDecimal credit) {
        return fields(username, version, Map.of(CREDIT_CENTS, Long.toString(Money.cents(credit))));
    }

    /** A reservation, a failed one or a release: the order's entry changes, and the credit by {@code creditDelta}. */
    public static CustomerChange reservation(String username, long version, BigDecimal creditDelta,
            CreditReservation reservation) {
        return new CustomerChange(username, version, Map.of(), Money.cents(creditDelta), reservation);
    }

    /** An event that changes nothing here still takes its version. */
    public static CustomerChange unchanged(String username, long version) {
        return fields(username, version, Map.of());
    }

    private static CustomerChange fields(String username, long version, Map<String, String> fields) {
        return new CustomerChange(username, version, fields, 0, null);
    }
}
