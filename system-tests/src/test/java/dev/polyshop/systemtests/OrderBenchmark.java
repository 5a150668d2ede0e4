package dev.polyshop.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.restassured.response.Response;

/**
 * Concurrent shoppers ordering through nginx against the running system: orders per second, and the time from placing
 * an order to its final state (the order is placed with {@code Prefer: wait=10}, so the answer comes when the saga
 * ends). Not a test: it prints figures.
 * <p>
 * {@code ./polyshop start}, then {@code ./mvnw -pl system-tests verify -Pbenchmark} (-Dbenchmark.shoppers=10
 * -Dbenchmark.seconds=30).
 */
public final class OrderBenchmark {

    public static void main(String[] args) throws Exception {
        int shoppers = Integer.getInteger("benchmark.shoppers", 10);
        int seconds = Integer.getInteger("benchmark.seconds", 30);
        String manager = ShopApi.manager();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String product = ShopApi.product(manager, ShopApi.category(manager, "Bench " + suffix), "Bench " + suffix,
                "1.00", 1_000_000);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < shoppers; i++) {
            String username = "bench" + i + "_" + suffix;
            tokens.add(ShopApi.shopper(username));
            ShopApi.credit(manager, username, "1000000");
        }
        run(tokens, product, Duration.ofSeconds(5));
        Result result = run(tokens, product, Duration.ofSeconds(seconds));
        report(shoppers, seconds, result);
    }

    record Result(List<Long> millis, int approved, int other) {
    }

    private static Result run(List<String> tokens, String product, Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        List<Future<Result>> futures = new ArrayList<>();
        for (String token : tokens) {
            futures.add(pool.submit(() -> {
                List<Long> millis = new ArrayList<>();
                int approved = 0;
                int other = 0;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    Response response = ShopApi.as(token).header("Prefer", "wait=10")
                            .body(Map.of("productId", product, "quantity", 1)).post("/api/orders");
                    millis.add((System.nanoTime() - start) / 1_000_000);
                    if (response.statusCode() == 200 && "APPROVED".equals(response.path("status"))) {
                        approved++;
                    } else {
                        other++;
                    }
                }
                return new Result(millis, approved, other);
            }));
        }
        List<Long> all = new ArrayList<>();
        int approved = 0;
        int other = 0;
        for (Future<Result> future : futures) {
            Result result = future.get();
            all.addAll(result.millis());
            approved += result.approved();
            other += result.other();
        }
        pool.shutdown();
        return new Result(all, approved, other);
    }

    private static void report(int shoppers, int seconds, Result result) {
        List<Long> sorted = new ArrayList<>(result.millis());
        Collections.sort(sorted);
        System.out.printf("%norders through nginx, %d concurrent shoppers, %d s, %d cores%n", shoppers, seconds,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("  orders          %d (%d approved, %d not approved within 10 s)%n", sorted.size(),
                result.approved(), result.other());
        System.out.printf("  throughput      %.1f orders/s%n", sorted.size() / (double) seconds);
        System.out.printf("  placed → final  p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n", percentile(sorted, 50),
                percentile(sorted, 95), percentile(sorted, 99), sorted.getLast());
    }

    private static long percentile(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
