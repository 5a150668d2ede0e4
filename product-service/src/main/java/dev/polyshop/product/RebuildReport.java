package dev.polyshop.product;

/** What a rebuild replayed and what the catalog holds afterwards. */
public record RebuildReport(long events, long lastPosition, long categories, long products) {
}
