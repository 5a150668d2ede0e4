package dev.polyshop.embedded;

import de.bwaldvogel.mongo.bson.Document;

/**
 * A query that the MongoDB stand-in answered by reading a whole collection, as no index could handle its filter.
 *
 * @param command as the driver sent it, for example {@code find}, {@code update} or {@code findAndModify}
 * @param filter the filter as the server saw it: a find's {@code filter}, an update or delete statement's {@code q},
 *        a findAndModify's {@code query}, an aggregation's leading {@code $match}
 */
public record Scan(String database, String collection, String command, Document filter) {
}
