package dev.polyshop.testing;

import java.util.Map;

import dev.polyshop.embedded.EmbeddedCouchbase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** An empty Couchbase mock with the {@code accounting} bucket on random ports for each application under test. */
public class CouchbaseTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String BUCKET = "accounting";
    private static final String PASSWORD = "polyshop-test";

    private EmbeddedCouchbase couchbase;

    @Override
    public Map<String, String> start() {
        couchbase = EmbeddedCouchbase.start(BUCKET, PASSWORD, 0, 0);
        return Map.of(
                "accounting.couchbase.connection-string", couchbase.connectionString(),
                "accounting.couchbase.username", couchbase.username(),
                "accounting.couchbase.password", couchbase.password(),
                "accounting.couchbase.bucket", couchbase.bucket());
    }

    @Override
    public void stop() {
        if (couchbase != null) {
            couchbase.close();
        }
    }
}
