package dev.polyshop.customer;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money is exact: two decimals, never rounded. Redis keeps credit in cents so that it can add them atomically. */
public final class Money {

    private Money() {
    }

    /**
     * The amount with exactly two decimals.
     *
     * @throws ArithmeticException if it has more than two decimals that are not zero
     */
    public static BigDecimal of(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static long cents(BigDecimal amount) {
        return of(amount).movePointRight(2).longValueExact();
    }

    public static BigDecimal fromCents(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
