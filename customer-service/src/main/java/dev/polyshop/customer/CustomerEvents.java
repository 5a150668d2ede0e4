package dev.polyshop.customer;

import java.math.BigDecimal;
import java.time.Instant;

/** The events of a customer's stream (stream type {@code customer}, stream id = the lower-case username). */
public final class CustomerEvents {

    public static final String STREAM_TYPE = "customer";

    private CustomerEvents() {
    }

    /** The hash is the only form of the password that is ever recorded; the event store redacts it when read. */
    public record CustomerRegistered(String username, String fullName, String email, String passwordHash,
            BigDecimal credit, Instant registeredAt) {
        public static final String TYPE = "CustomerRegistered";
    }

    public record CustomerProfileUpdated(String fullName, String email) {
        public static final String TYPE = "CustomerProfileUpdated";
    }

    public record CustomerPasswordChanged(String passwordHash) {
        public static final String TYPE = "CustomerPasswordChanged";
    }

    /** A manager set the credit to this absolute value. */
    public record CreditSet(BigDecimal credit) {
        public static final String TYPE = "CreditSet";
    }

    public record CreditReserved(String orderId, BigDecimal amount) {
        public static final String TYPE = "CreditReserved";
    }

    public record CreditReservationFailed(String orderId, BigDecimal amount, String reason) {
        public static final String TYPE = "CreditReservationFailed";
        public static final String INSUFFICIENT_CREDIT = "INSUFFICIENT_CREDIT";
    }

    public record CreditReleased(String orderId, BigDecimal amount) {
        public static final String TYPE = "CreditReleased";
    }
}
