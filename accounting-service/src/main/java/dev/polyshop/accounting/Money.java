package dev.polyshop.accounting;

import java.math.BigDecimal;
import java.math.RoundingMode;

import dev.polyshop.eventstore.client.MalformedMessageException;

/**
 * Amounts of money read from events, brought to two decimals. Event data may carry an amount with fewer decimals, or
 * in exponent form ({@code 1E+1} for 10.00): the shared message JSON strips trailing zeros of decimals.
 */
public final class Money {

    private Money() {
    }

    /** @throws MalformedMessageException for an amount with more than two decimals: no amount of money has them */
    public static BigDecimal of(BigDecimal amount) {
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new MalformedMessageException("an amount of money has at most two decimals, not " + amount, e);
        }
    }
}
