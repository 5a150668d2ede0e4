package dev.polyshop.customer;

import java.math.BigDecimal;

/** What became of the credit an order asked for: one entry per order and customer, never a second one. */
public record CreditReservation(String orderId, State state, BigDecimal amount) {

    public enum State {
        /** The amount was taken from the credit and is held for the order. */
        RESERVED,
        /** There was too little credit; nothing was taken. */
        DENIED,
        /** The order ended without being paid: the amount went back to the credit. */
        RELEASED
    }

    public boolean isHeld() { return state == State.RESERVED; }

    /** The form kept in Redis, e.g. {@code RESERVED:12.50}. */
    public String encode() {
        return state + ":" + amount.toPlainString();
    }

    public static CreditReservation decode(String orderId, String value) {
        int colon = value.indexOf(':');
        return new CreditReservation(orderId, State.valueOf(value.substring(0, colon)),
                new BigDecimal(value.substring(colon + 1)));
    }
}
