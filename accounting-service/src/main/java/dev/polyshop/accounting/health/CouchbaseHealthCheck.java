package dev.polyshop.accounting.health;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import com.couchbase.client.core.error.CouchbaseException;
import com.couchbase.client.core.error.DocumentNotFoundException;
import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.kv.GetOptions;

import dev.polyshop.accounting.config.CouchbaseConfig;

/**
 * Ready only while a key-value read on the bucket gets an answer. A missing document is an answer: the read reached
 * the data service. Reads through the cluster, not the produced collection, so that a Couchbase outage answers DOWN
 * within the probe timeout instead of waiting for the bucket.
 */
@Readiness
@ApplicationScoped
public class CouchbaseHealthCheck implements HealthCheck {

    static final String NAME = "Couchbase connection health check";
    private static final String PROBE_KEY = "health::probe";
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(2500);

    private final Cluster cluster;
    private final CouchbaseConfig config;

    CouchbaseHealthCheck(Cluster cluster, CouchbaseConfig config) {
        this.cluster = cluster;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("bucket", config.bucket());
        try {
            cluster.bucket(config.bucket()).defaultCollection()
                    .get(PROBE_KEY, GetOptions.getOptions().timeout(PROBE_TIMEOUT));
            return response.up().build();
        } catch (DocumentNotFoundException e) {
            return response.up().build();
        } catch (CouchbaseException e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
