package dev.polyshop.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * A customer as the projection holds it. {@code version} is the version of the customer's stream it reflects: every
 * change is appended expecting it.
 */
public record Customer(
        String username,
        String fullName,
        String email,
        String passwordHash,
        BigDecimal credit,
        Instant createdAt,
        long version) {

    /** 3 to 32 letters, digits, underscores, dots or dashes; case-insensitive. */
    public static final String USERNAME_PATTERN = "[A-Za-z0-9_.-]{3,32}";

    /** Usernames are case-insensitive: the lower-case form is the customer's id and stream id. */
    public static String normalize(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    /** Credit exactly equal to the amount is enough. */
    public boolean canReserve(BigDecimal amount) {
        return credit.compareTo(amount) >= 0;
    }
}
