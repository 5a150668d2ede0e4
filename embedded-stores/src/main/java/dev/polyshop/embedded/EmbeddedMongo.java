package dev.polyshop.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * An in-process server speaking the MongoDB wire protocol (mongo-java-server), standing in for a real mongod, which
 * cannot be installed on the build machines. It has no multi-document transactions, no change streams and no partial
 * indexes, which is why the event store uses none of them.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final int port;
    private final String connectionString;

    private EmbeddedMongo(MongoBackend backend, String host, int port) {
        server = new MongoServer(backend);
        try {
            server.bind(host, port);
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
        return new EmbeddedMongo(new MemoryBackend(), host, port);
    }

    /**
     * A server that keeps its data in an H2 MVStore file, so the local run survives a restart. The file is locked
     * while the server runs: one server per file.
     */
    public static EmbeddedMongo onFile(Path file, String host, int port) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory of " + file, e);
        }
        return new EmbeddedMongo(new H2Backend(file.toString()), host, port);
    }

    /** For example {@code mongodb://127.0.0.1:27017}. */
    public String connectionString() {
        return connectionString;
    }

    /** The port bound, which is a random free one when 0 was asked for. */
    public int port() {
        return port;
    }

    /** Drops the client connections first, so that a still-connected client cannot delay the shutdown. */
    @Override
    public void close() {
        server.shutdownNow();
    }
}
