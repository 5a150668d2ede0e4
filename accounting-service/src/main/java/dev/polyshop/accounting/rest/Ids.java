package dev.polyshop.accounting.rest;

import java.util.UUID;

import dev.polyshop.problems.ProblemException;

/** Ids in paths and query parameters are UUIDs; anything else is a 400 naming the parameter. */
final class Ids {

    private Ids() {
    }

    static UUID parse(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be a UUID");
        }
    }
}
