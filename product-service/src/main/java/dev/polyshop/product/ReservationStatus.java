package dev.polyshop.product;

/** The stock decision taken for an order. */
public enum ReservationStatus {
    /** The units are set aside for the order (sold once the order is approved). */
    RESERVED,
    /** Nothing was set aside: out of stock, or no such product. */
    FAILED,
    /** The units were set aside and then given back. */
    RELEASED
}
