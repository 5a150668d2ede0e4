package dev.polyshop.product.rest;

import dev.polyshop.problems.ProblemException;
import dev.polyshop.product.Uuids;

/** Ids in paths and query strings; JAX-RS would answer 404 for one it cannot convert, the API wants 400. */
final class Ids {

    private Ids() {
    }

    static String fromPath(String id) {
        return parse("id", id);
    }

    static String parse(String field, String value) {
        return Uuids.canonical(value).orElseThrow(() -> ProblemException.invalid(field, "must be a UUID"));
    }
}
