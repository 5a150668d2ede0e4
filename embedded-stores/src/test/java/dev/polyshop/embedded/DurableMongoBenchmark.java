package dev.polyshop.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * Journaled write throughput of the durable file backend against the memory backend, and the file's size under a long
 * run of updates. Not part of the build (surefire runs only *Tests): {@code ./mvnw -pl embedded-stores test
 * -Dtest=DurableMongoBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class DurableMongoBenchmark {

    private static final Duration ROUND = Duration.ofSeconds(4);
    private static final int[] WRITER_COUNTS = {1, 16, 64};
    private static final int UPDATES = 200_000;
    private static final int UPDATED_DOCUMENTS = 5;

    @Test
    void printJournaledInsertsPerSecond(@TempDir Path dir) throws Exception {
        measureInserts("file", () -> EmbeddedMongo.onFile(dir.resolve("inserts.mv"), "127.0.0.1", 0));
        measureInserts("memory", () -> EmbeddedMongo.inMemory("127.0.0.1", 0));
    }

    @Test
    void printFileSizeUnderRepeatedUpdates(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("updates.mv");
        try (EmbeddedMongo mongo = EmbeddedMongo.onFile(file, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> counters = client.getDatabase("bench").getCollection("counters")
                    .withWriteConcern(WriteConcern.JOURNALED);
            AtomicLong done = new AtomicLong();
            long start = System.nanoTime();
            runWriters(16, writer -> {
                for (long i = done.incrementAndGet(); i <= UPDATES; i = done.incrementAndGet()) {
                    counters.updateOne(Filters.eq("_id", "c" + i % UPDATED_DOCUMENTS), Updates.inc("value", 1),
                            new UpdateOptions().upsert(true));
                    if (i % 20_000 == 0) {
                        System.out.printf("updates %,d: file %,d bytes, %.0f s%n", i, Files.size(file),
                                (System.nanoTime() - start) / 1e9);
                    }
                }
            });
        }
        System.out.printf("after close: file %,d bytes%n", Files.size(file));
    }

    private static void measureInserts(String backend, Supplier<EmbeddedMongo> servers) throws Exception {
        try (EmbeddedMongo mongo = servers.get();
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            for (int writers : WRITER_COUNTS) {
                MongoCollection<Document> events = client.getDatabase("bench").getCollection("events" + writers)
                        .withWriteConcern(WriteConcern.JOURNALED);
                events.createIndex(Indexes.ascending("streamId", "version"), new IndexOptions().unique(true));
                AtomicLong inserted = new AtomicLong();
                long deadline = System.nanoTime() + ROUND.toNanos();
                runWriters(writers, writer -> {
                    for (int version = 0; System.nanoTime() < deadline; version++) {
                        events.insertOne(new Document("streamId", "s" + writer).append("version", version)
                                .append("payload", "x".repeat(200)));
                        inserted.incrementAndGet();
                    }
                });
                System.out.printf("%s backend, %d writers: %,.0f journaled inserts/s%n", backend, writers,
                        inserted.get() / (double) ROUND.toSeconds());
            }
        }
    }

    private interface Writer {
        void run(int writer) throws IOException;
    }

    private static void runWriters(int count, Writer body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int writer = 0; writer < count; writer++) {
                int id = writer;
                writers.add(pool.submit(() -> {
                    body.run(id);
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
