package dev.polyshop.order;

/** Where a reservation held for an order stands. It only moves forward: PENDING → RESERVED | DENIED → RELEASED. */
public enum ReservationStatus {
    PENDING, RESERVED, DENIED, RELEASED
}
