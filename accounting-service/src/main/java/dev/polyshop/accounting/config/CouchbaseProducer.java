package dev.polyshop.accounting.config;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.couchbase.client.java.Bucket;
import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.ClusterOptions;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.codec.JacksonJsonSerializer;

import dev.polyshop.eventstore.client.EventJson;
import io.quarkus.runtime.Startup;

/** Couchbase has no Quarkus extension here, so the SDK's cluster and collection are produced by hand. */
@ApplicationScoped
public class CouchbaseProducer {

    private static final Duration BUCKET_READY_TIMEOUT = Duration.ofSeconds(30);

    private final CouchbaseConfig config;

    CouchbaseProducer(CouchbaseConfig config) {
        this.config = config;
    }

    /**
     * Created at startup so the SDK bootstraps while the application starts. Connecting does not wait for the cluster:
     * the service starts even while Couchbase is down, reports not ready, and the SDK reconnects on its own.
     * <p>
     * Documents are (de)serialized by the same Jackson settings as the messages (records, ISO instants, exact
     * decimals), not by the SDK's shaded Jackson, which would not see this code's annotations.
     */
    @Produces
    @Singleton
    @Startup
    Cluster cluster() {
        return Cluster.connect(config.connectionString(),
                ClusterOptions.clusterOptions(config.username(), config.password())
                        .environment(
                                env -> env.jsonSerializer(JacksonJsonSerializer.create(EventJson.mapper().copy()))));
    }

    void disconnect(@Disposes Cluster cluster) {
        cluster.disconnect();
    }

    /** The default collection: the only one CouchbaseMock offers, and all this service needs. */
    @Produces
    @Singleton
    Collection collection(Cluster cluster) {
        Bucket bucket = cluster.bucket(config.bucket());
        bucket.waitUntilReady(BUCKET_READY_TIMEOUT);
        return bucket.defaultCollection();
    }
}
