package dev.polyshop.customer;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * The Redis already running, database 1, with a key prefix of its own for each application under test: test runs
 * never see each other's customers, and the event store of a run (a fresh one each time) matches exactly what Redis
 * holds. Only this run's keys are deleted at the end. {@code POLYSHOP_REDIS_URL} points at another Redis.
 */
public class CustomerRedisTestResource implements QuarkusTestResourceLifecycleManager {

    private String url;
    private String prefix;

    @Override
    public Map<String, String> start() {
        String configured = System.getenv("POLYSHOP_REDIS_URL");
        url = configured == null || configured.isBlank() ? "redis://127.0.0.1:6379/1" : configured;
        prefix = newPrefix();
        return Map.of("quarkus.redis.hosts", url, "customer.redis.key-prefix", prefix);
    }

    @Override
    public void stop() {
        deleteKeys(url, prefix);
    }

    static String newPrefix() {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return "polyshop-test-" + HexFormat.of().formatHex(random) + ":";
    }

    /** Deletes every key under the prefix, found by SCAN, which a test may do and the service never needs to. */
    static void deleteKeys(String url, String prefix) {
        Vertx vertx = Vertx.vertx();
        try {
            Redis redis = Redis.createClient(vertx, url);
            String cursor = "0";
            do {
                Response page = await(redis.send(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(prefix + "*")
                        .arg("COUNT").arg(1000)));
                cursor = page.get(0).toString();
                List<String> keys = new ArrayList<>();
                page.get(1).forEach(key -> keys.add(key.toString()));
                if (!keys.isEmpty()) {
                    Request delete = Request.cmd(Command.DEL);
                    keys.forEach(delete::arg);
                    await(redis.send(delete));
                }
            } while (!"0".equals(cursor));
            redis.close();
        } finally {
            await(vertx.close());
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Redis at the test URL did not answer", e);
        }
    }
}
