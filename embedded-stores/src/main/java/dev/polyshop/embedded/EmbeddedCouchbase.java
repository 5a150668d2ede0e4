package dev.polyshop.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

import com.couchbase.mock.Bucket;
import com.couchbase.mock.BucketConfiguration;
import com.couchbase.mock.CouchbaseMock;
import com.couchbase.mock.memcached.MemcachedServer;

/**
 * An in-process Couchbase cluster (CouchbaseMock) with one bucket, standing in for Couchbase Server, which cannot be
 * installed on the build machines. Key-value and sub-document operations, CAS and counters work; N1QL, named
 * collections, synchronous durability and transactions do not. Everything is kept in memory only.
 * <p>
 * The mock authenticates against the bucket itself, so the username is the bucket's name.
 */
public final class EmbeddedCouchbase implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final CouchbaseMock mock;
    private final String bucket;
    private final String password;
    private final int httpPort;
    private final int kvPort;

    private EmbeddedCouchbase(CouchbaseMock mock, String bucket, String password) {
        this.mock = mock;
        this.bucket = bucket;
        this.password = password;
        this.httpPort = mock.getHttpPort();
        this.kvPort = mock.getCarrierPort(bucket);
    }

    /**
     * Starts a one-node cluster with one Couchbase bucket. A port of 0 picks a random free one. The key-value port
     * binds to 127.0.0.1; the mock always binds its HTTP port on every interface.
     */
    public static EmbeddedCouchbase start(String bucket, String password, int httpPort, int kvPort) {
        BucketConfiguration config = new BucketConfiguration();
        config.type = Bucket.BucketType.COUCHBASE;
        config.name = bucket;
        config.password = password;
        config.hostname = HOST;
        config.numNodes = 1;
        config.numReplicas = 0;
        config.numVBuckets = 1024;
        config.bucketStartPort = kvPort;
        requireFreeHttpPort(httpPort);
        CouchbaseMock mock;
        try {
            mock = new CouchbaseMock(httpPort, List.of(config));
            mock.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Couchbase mock (key-value port " + kvPort + ")", e);
        }
        try {
            mock.waitForStartup();
            // SDK 3 bootstraps only through CCCP (the configuration served over the key-value port), off by default.
            for (Bucket started : mock.getBuckets().values()) {
                for (MemcachedServer server : started.getServers()) {
                    server.setCccpEnabled(true);
                }
            }
            return new EmbeddedCouchbase(mock, bucket, password);
        } catch (InterruptedException e) {
            mock.stop();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the Couchbase mock was starting", e);
        }
    }

    /**
     * The mock calls System.exit when it cannot bind its HTTP port, which would take a whole test JVM or the launcher
     * down without a word. Checking first turns the common case, a port already taken, into an exception.
     */
    private static void requireFreeHttpPort(int httpPort) {
        if (httpPort == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(httpPort));
        } catch (IOException e) {
            throw new IllegalStateException("Couchbase mock HTTP port " + httpPort + " is already in use", e);
        }
    }

    /**
     * The seed the SDK bootstraps from: the key-value port, through which it fetches the cluster configuration. The
     * HTTP port need not be named.
     */
    public String connectionString() {
        return "couchbase://" + HOST + ":" + kvPort;
    }

    /** The bucket's name, as the mock accepts no other user. */
    public String username() {
        return bucket;
    }

    public String password() {
        return password;
    }

    public String bucket() {
        return bucket;
    }

    public int httpPort() {
        return httpPort;
    }

    public int kvPort() {
        return kvPort;
    }

    @Override
    public void close() {
        mock.stop();
    }
}
