package dev.polyshop.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.FastKeyH2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * An in-process server speaking the MongoDB wire protocol (mongo-java-server), standing in for a real mongod, which
 * cannot be installed on the build machines. It has no multi-document transactions, no change streams and no partial
 * indexes, which is why the event store uses none of them.
 */
public final class EmbeddedMongo implements AutoCloseable {

    /** Netty's default: twice the number of cores. */
    private static final int DEFAULT_WORKER_THREADS = 0;
    /**
     * A journaled write holds its Netty event loop until the group commit has synced it, and every connection served
     * by that loop waits with it. With Netty's default of 2 loops per core a commit could release only a handful of
     * writes; with a loop per connection (up to this many) it releases every writer waiting at that moment.
     */
    private static final int DURABLE_WORKER_THREADS = 64;

    private final MongoServer server;
    private final ScanRecordingBackend scanRecorder;
    private final int port;
    private final String connectionString;

    private EmbeddedMongo(MongoBackend backend, ScanRecordingBackend scanRecorder, String host, int port,
            int workerThreads) {
        server = new MongoServer(backend);
        this.scanRecorder = scanRecorder;
        try {
            server.bind(new InetSocketAddress(host, port), 1, workerThreads);
        } catch (Exception e) {
            // Netty throws the checked BindException undeclared. Closing the backend releases the H2 file lock.
            server.shutdownNow();
            throw new IllegalStateException("Cannot bind MongoDB to " + host + ":" + port + ": " + e.getMessage(), e);
        }
        this.port = server.getLocalAddress().getPort();
        connectionString = "mongodb://" + host + ":" + this.port;
    }

    /** A server that keeps everything in memory: what tests want, as every run starts empty. */
    public static EmbeddedMongo inMemory(String host, int port) {
        return new EmbeddedMongo(new MemoryBackend(), null, host, port, DEFAULT_WORKER_THREADS);
    }

    /**
     * Like {@link #inMemory}, and records every query answered by reading a whole collection, as no index could
     * handle its filter: see {@link #scans()}.
     */
    public static EmbeddedMongo inMemoryRecordingScans(String host, int port) {
        ScanRecordingBackend recorder = new ScanRecordingBackend(new MemoryBackend());
        return new EmbeddedMongo(recorder, recorder, host, port, DEFAULT_WORKER_THREADS);
    }

    /**
     * A server that keeps its data in an H2 MVStore file, so the local run survives a restart, even a killed one: a
     * write with a journaled write concern (the Quarkus default) is acknowledged only once it is synced to the file,
     * any other write within a second. The file is locked while the server runs: one server per file.
     */
    public static EmbeddedMongo onFile(Path file, String host, int port) {
        createParentDirectory(file);
        MvStoreJournal journal = MvStoreJournal.open(file);
        H2Backend h2;
        try {
            h2 = new FastKeyH2Backend(journal.store());
        } catch (RuntimeException e) {
            // Releases the file lock, so that the caller can retry or report.
            journal.store().closeImmediately();
            throw e;
        }
        return new EmbeddedMongo(GroupCommitBackend.start(h2, journal), null, host, port, DURABLE_WORKER_THREADS);
    }

    private static void createParentDirectory(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory of " + file, e);
        }
    }

    /** For example {@code mongodb://127.0.0.1:27017}. */
    public String connectionString() {
        return connectionString;
    }

    /** The port bound, which is a random free one when 0 was asked for. */
    public int port() {
        return port;
    }

    /** The collection scans recorded so far, oldest first. Only for a server started with inMemoryRecordingScans. */
    public List<Scan> scans() {
        return recorder().scans();
    }

    public void clearScans() {
        recorder().clearScans();
    }

    /** Fails rather than report no scans, so that a test on the wrong server cannot pass by accident. */
    private ScanRecordingBackend recorder() {
        if (scanRecorder == null) {
            throw new IllegalStateException("This server records no scans; start it with inMemoryRecordingScans");
        }
        return scanRecorder;
    }

    /**
     * Drops the client connections first, so that a still-connected client cannot delay the shutdown. On file, the
     * last writes are committed and synced before the file is closed.
     */
    @Override
    public void close() {
        server.shutdownNow();
    }
}
