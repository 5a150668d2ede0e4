package dev.polyshop.eventstore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.eventstore.client.RabbitMq;
import dev.polyshop.eventstore.client.RabbitMqConfig;
import dev.polyshop.testing.EmbeddedStoresProcess;
import dev.polyshop.testing.EventStoreProcess;
import dev.polyshop.testing.QuarkusAppProcess;

/**
 * Append-and-await through RabbitMQ against the packaged event store on the local run's durable MongoDB stand-in (its
 * own process, data on disk, fsync before every acknowledgement), with 1, 16 and 64 writers, on an empty store and
 * again after 100,000 streams; and in the same run the stand-in's raw durable insert rate, which the append rate is
 * compared with. Not a test: it prints figures. {@code ./mvnw -pl event-store -am verify -Pbenchmark -DskipTests}
 * (-Dbenchmark.seconds=10 -Dbenchmark.streams=100000).
 */
public final class AppendBenchmark {

    private static final int[] WRITERS = {1, 16, 64};

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("benchmark.seconds", 10);
        int streams = Integer.getInteger("benchmark.streams", 100_000);
        String namespace = "bench-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        RabbitMqConfig config = RabbitConfigs.inNamespace(namespace);
        RabbitMq rabbit = new RabbitMq(config, "append-benchmark");
        EventStoreClient client = new EventStoreClient(rabbit, config);
        Path data = Files.createTempDirectory("append-benchmark");
        List<String> summary = new ArrayList<>();
        try (EmbeddedStoresProcess stores = EmbeddedStoresProcess.start(data);
                QuarkusAppProcess store = EventStoreProcess.start(stores.mongoConnectionString(), namespace,
                        Map.of(), "event-store-benchmark");
                MongoClient mongo = MongoClients.create(stores.mongoConnectionString())) {
            measure("empty store", client, mongo, seconds, summary);
            seed(client, streams);
            measure(String.format("%,d streams", streams), client, mongo, seconds, summary);
        } finally {
            client.close();
            rabbit.close();
        }
        System.out.printf("%nsummary (%d cores, %s)%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        summary.forEach(System.out::println);
    }

    private static void measure(String label, EventStoreClient client, MongoClient mongo, int seconds,
            List<String> summary) throws Exception {
        double raw = rawDurableInserts(mongo, 16, Duration.ofSeconds(seconds));
        summary.add(String.format("  %-16s raw durable insertOne, 16 writers: %,8.0f/s", label, raw));
        for (int writers : WRITERS) {
            run(client, writers, Duration.ofSeconds(2));
            List<Long> latencies = run(client, writers, Duration.ofSeconds(seconds));
            Collections.sort(latencies);
            double rate = latencies.size() / (double) seconds;
            summary.add(String.format(
                    "  %-16s %2d writers: %,8.0f appends/s  p50 %6.1f ms  p99 %6.1f ms  %4.0f%% of raw",
                    label, writers, rate, percentile(latencies, 50), percentile(latencies, 99), 100 * rate / raw));
            System.out.println(summary.getLast());
        }
    }

    /** Each writer appends to a stream of its own, one event at a time, each at the version it expects. */
    private static List<Long> run(EventStoreClient client, int writers, Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            results.add(pool.submit(() -> {
                String stream = UUID.randomUUID().toString();
                List<Long> latencies = new ArrayList<>();
                long version = 0;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    client.append(AppendRequest.to("bench", stream).expectingVersion(version)
                            .events(NewEvent.of("Noted", Map.of("n", version, "amount", 12.34))));
                    latencies.add(System.nanoTime() - start);
                    version++;
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            all.addAll(result.get());
        }
        pool.shutdown();
        return all;
    }

    /** Fills the store with streams of one event each, through the event store itself, 64 writers at a time. */
    private static void seed(EventStoreClient client, int streams) throws Exception {
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 64; w++) {
            writers.add(pool.submit(() -> {
                while (next.getAndIncrement() < streams) {
                    client.append(AppendRequest.to("seed", UUID.randomUUID().toString()).asNewStream()
                            .events(NewEvent.of("Noted", Map.of("seeded", true))));
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();
        double took = (System.nanoTime() - start) / 1e9;
        System.out.printf("seeded %,d streams in %.0f s (%,.0f new streams/s)%n", streams, took, streams / took);
    }

    /** Acknowledged, journaled single inserts into a collection with a unique index, as fast as the writers can. */
    private static double rawDurableInserts(MongoClient mongo, int writers, Duration duration) throws Exception {
        MongoCollection<Document> raw = mongo.getDatabase("raw-benchmark").getCollection("inserts")
                .withWriteConcern(WriteConcern.JOURNALED);
        raw.createIndex(Indexes.ascending("stream", "version"), new IndexOptions().unique(true));
        long end = System.nanoTime() + duration.toNanos();
        AtomicInteger inserted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            results.add(pool.submit(() -> {
                String stream = UUID.randomUUID().toString();
                for (long version = 1; System.nanoTime() < end; version++) {
                    raw.insertOne(new Document("stream", stream).append("version", version).append("amount", 12.34));
                    inserted.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> result : results) {
            result.get();
        }
        pool.shutdown();
        return inserted.get() / (double) duration.toSeconds();
    }

    private static double percentile(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
