package dev.polyshop.product;

import java.util.Optional;
import java.util.UUID;

/** Ids are UUIDs in their canonical lower-case form: stream ids are compared exactly, so there is only one spelling. */
public final class Uuids {

    private Uuids() {
    }

    /** The canonical form of {@code value}, or empty if it is not a UUID written out in full. */
    public static Optional<String> canonical(String value) {
        if (value == null || value.length() != 36) {
            return Optional.empty();
        }
        try {
            String canonical = UUID.fromString(value).toString();
            return canonical.equalsIgnoreCase(value) ? Optional.of(canonical) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
