package dev.polyshop.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.couchbase.client.core.error.CasMismatchException;
import com.couchbase.client.java.Bucket;
import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.ClusterOptions;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.json.JsonObject;
import com.couchbase.client.java.kv.IncrementOptions;
import com.couchbase.client.java.kv.MutationResult;
import com.couchbase.client.java.kv.ReplaceOptions;

class EmbeddedCouchbaseTests {

    private static EmbeddedCouchbase couchbase;
    private static Cluster cluster;
    private static Collection collection;

    @BeforeAll
    static void startCouchbase() {
        couchbase = EmbeddedCouchbase.start("accounting", "secret", 0, 0);
        cluster = Cluster.connect(couchbase.connectionString(),
                ClusterOptions.clusterOptions(couchbase.username(), couchbase.password()));
        Bucket bucket = cluster.bucket(couchbase.bucket());
        bucket.waitUntilReady(Duration.ofSeconds(30));
        collection = bucket.defaultCollection();
    }

    @AfterAll
    static void stopCouchbase() {
        if (cluster != null) {
            cluster.disconnect();
        }
        if (couchbase != null) {
            couchbase.close();
        }
    }

    @Test
    void shouldExposeConnectionStringAndBucketNameAsUsername() {
        assertThat(couchbase.connectionString()).isEqualTo("couchbase://127.0.0.1:" + couchbase.kvPort());
        assertThat(couchbase.username()).isEqualTo("accounting");
        assertThat(couchbase.httpPort()).isPositive().isNotEqualTo(couchbase.kvPort());
    }

    @Test
    void shouldStoreAndReadDocument() {
        collection.upsert("invoice::stored", JsonObject.create().put("total", "12.50"));

        assertThat(collection.get("invoice::stored").contentAsObject().getString("total")).isEqualTo("12.50");
    }

    @Test
    void shouldRejectReplaceWithStaleCas() {
        MutationResult first = collection.upsert("invoice::cas", JsonObject.create().put("status", "ISSUED"));
        collection.replace("invoice::cas", JsonObject.create().put("status", "CREDITED"),
                ReplaceOptions.replaceOptions().cas(first.cas()));

        assertThatThrownBy(() -> collection.replace("invoice::cas", JsonObject.create().put("status", "ISSUED"),
                ReplaceOptions.replaceOptions().cas(first.cas())))
                .isInstanceOf(CasMismatchException.class);
        assertThat(collection.get("invoice::cas").contentAsObject().getString("status")).isEqualTo("CREDITED");
    }

    @Test
    void shouldIncrementCounterFromItsInitialValue() {
        IncrementOptions startAtOne = IncrementOptions.incrementOptions().initial(1);

        long first = collection.binary().increment("counter::invoice::2026", startAtOne).content();
        long second = collection.binary().increment("counter::invoice::2026", startAtOne).content();

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
    }
}
