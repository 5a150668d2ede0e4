package dev.polyshop.accounting.config;

import io.smallrye.config.ConfigMapping;

/**
 * Where the accounting bucket lives. Against CouchbaseMock the username must be the bucket's name; on a real cluster
 * an RBAC user of that name with the bucket's password keeps the same configuration working.
 */
@ConfigMapping(prefix = "accounting.couchbase")
public interface CouchbaseConfig {

    /** For example {@code couchbase://127.0.0.1:11210}. */
    String connectionString();

    String username();

    String password();

    String bucket();
}
