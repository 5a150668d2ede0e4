package dev.polyshop.eventstore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.polyshop.embedded.EmbeddedMongo;
import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.eventstore.client.RabbitMq;
import dev.polyshop.eventstore.client.RabbitMqConfig;
import dev.polyshop.testing.EventStoreProcess;
import dev.polyshop.testing.QuarkusAppProcess;

/**
 * Append-and-await throughput and latency through RabbitMQ, against the packaged event store on the in-process MongoDB.
 * Not a test: it prints figures. {@code ./mvnw -pl event-store -am verify -Pbenchmark -DskipTests}
 * (-Dbenchmark.writers=8 -Dbenchmark.seconds=20).
 */
public final class AppendBenchmark {

    public static void main(String[] args) throws Exception {
        int writers = Integer.getInteger("benchmark.writers", 8);
        int seconds = Integer.getInteger("benchmark.seconds", 20);
        String namespace = "bench-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        RabbitMqConfig config = RabbitConfigs.inNamespace(namespace);
        RabbitMq rabbit = new RabbitMq(config, "append-benchmark");
        EventStoreClient client = new EventStoreClient(rabbit, config);
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory("127.0.0.1", 0);
                QuarkusAppProcess store = EventStoreProcess.start(mongo.connectionString(), namespace, Map.of(),
                        "event-store-benchmark")) {
            run(client, writers, Duration.ofSeconds(3));
            List<Long> latencies = run(client, writers, Duration.ofSeconds(seconds));
            report(writers, seconds, latencies);
        } finally {
            client.close();
            rabbit.close();
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

    private static void report(int writers, int seconds, List<Long> latencies) {
        Collections.sort(latencies);
        System.out.printf("%nappend-and-await through RabbitMQ, %d writers, %d s, %d cores%n", writers, seconds,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("  appends      %d%n", latencies.size());
        System.out.printf("  throughput   %.0f appends/s%n", latencies.size() / (double) seconds);
        System.out.printf("  latency p50  %.1f ms%n", percentile(latencies, 50));
        System.out.printf("  latency p99  %.1f ms%n", percentile(latencies, 99));
        System.out.printf("  latency max  %.1f ms%n", latencies.getLast() / 1e6);
    }

    private static double percentile(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
