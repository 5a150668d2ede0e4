package dev.polyshop.customer.repository;

import static dev.polyshop.customer.repository.CustomerChange.CREATED_AT;
import static dev.polyshop.customer.repository.CustomerChange.CREDIT_CENTS;
import static dev.polyshop.customer.repository.CustomerChange.EMAIL;
import static dev.polyshop.customer.repository.CustomerChange.FULL_NAME;
import static dev.polyshop.customer.repository.CustomerChange.PASSWORD_HASH;
import static dev.polyshop.customer.repository.CustomerChange.USERNAME;
import static dev.polyshop.customer.repository.CustomerChange.VERSION;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.polyshop.customer.CreditReservation;
import dev.polyshop.customer.Customer;
import dev.polyshop.customer.Money;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.set.SetCommands;
import io.quarkus.redis.datasource.sortedset.SortedSetCommands;

/**
 * The customers in Redis: a hash per customer, a hash of its credit reservations per customer, a sorted set of all
 * usernames, and two order indexes (see {@link RedisKeys}). Every write of customer state goes through one Lua script
 * that applies an event only if it is the next version of the customer's stream.
 */
@ApplicationScoped
public class CustomerRepository {

    public enum Outcome {
        APPLIED, SEEN_BEFORE, GAP
    }

    private static final int DELETE_BATCH = 200;

    private final RedisDataSource redis;
    private final RedisKeys keys;
    private final HashCommands<String, String, String> hashes;
    private final SortedSetCommands<String, String> sortedSets;
    private final SetCommands<String, String> sets;
    private final KeyCommands<String> keyCommands;
    private final String applyScript;
    private final String applyScriptSha;

    public CustomerRepository(RedisDataSource redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
        this.hashes = redis.hash(String.class);
        this.sortedSets = redis.sortedSet(String.class);
        this.sets = redis.set(String.class);
        this.keyCommands = redis.key();
        this.applyScript = resource("/redis/apply-customer-event.lua");
        this.applyScriptSha = sha1(applyScript);
    }

    public Optional<Customer> find(String username) {
        Map<String, String> hash = hashes.hgetall(keys.customer(username));
        if (hash.get(USERNAME) == null) {
            return Optional.empty();
        }
        return Optional.of(new Customer(hash.get(USERNAME), hash.get(FULL_NAME), hash.get(EMAIL),
                hash.get(PASSWORD_HASH), Money.fromCents(Long.parseLong(hash.get(CREDIT_CENTS))),
                Instant.parse(hash.get(CREATED_AT)), Long.parseLong(hash.get(VERSION))));
    }

    public boolean exists(String username) {
        return keyCommands.exists(keys.customer(username));
    }

    /** Every customer, by username. */
    public List<Customer> findAll() {
        List<Customer> all = new ArrayList<>();
        for (String username : sortedSets.zrange(keys.customers(), 0, -1)) {
            find(username).ifPresent(all::add);
        }
        return all;
    }

    public long count() {
        return sortedSets.zcard(keys.customers());
    }

    /** The version of the customer's stream the projection reflects; 0 if it has none of it. */
    public long version(String username) {
        String version = hashes.hget(keys.customer(username), VERSION);
        return version == null ? 0 : Long.parseLong(version);
    }

    public Optional<CreditReservation> reservation(String username, String orderId) {
        return Optional.ofNullable(hashes.hget(keys.reservations(username), orderId))
                .map(value -> CreditReservation.decode(orderId, value));
    }

    /** The customer whose credit the order asked for, if it did. */
    public Optional<String> reservationHolder(String orderId) {
        return Optional.ofNullable(hashes.hget(keys.reservationHolders(), orderId));
    }

    public boolean hasEnded(String orderId) {
        return sets.sismember(keys.endedOrders(), orderId);
    }

    public void markEnded(String orderId) {
        sets.sadd(keys.endedOrders(), orderId);
    }

    public Outcome apply(CustomerChange change) {
        List<String> args = new ArrayList<>(List.of(
                keys.customer(change.username()), keys.reservations(change.username()), keys.customers(),
                keys.reservationHolders(),
                Long.toString(change.version()), change.username(), Long.toString(change.creditDeltaCents()),
                change.reservation() == null ? "" : change.reservation().orderId(),
                change.reservation() == null ? "" : change.reservation().encode()));
        change.fields().forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        long result = evaluate(args);
        return result == 1 ? Outcome.APPLIED : result == 0 ? Outcome.SEEN_BEFORE : Outcome.GAP;
    }

    /** Whether this service has nothing in Redis at all: a fresh database, to be filled by a replay. */
    public boolean isEmpty() {
        return keyCommands.exists(keys.customers(), keys.endedOrders(), keys.reservationHolders()) == 0;
    }

    /** Deletes every key of this service, found through the customers index; returns how many customers it held. */
    public int wipe() {
        List<String> usernames = sortedSets.zrange(keys.customers(), 0, -1);
        List<String> doomed = new ArrayList<>();
        for (String username : usernames) {
            doomed.add(keys.customer(username));
            doomed.add(keys.reservations(username));
            if (doomed.size() >= DELETE_BATCH) {
                keyCommands.del(doomed.toArray(String[]::new));
                doomed.clear();
            }
        }
        doomed.addAll(List.of(keys.customers(), keys.reservationHolders(), keys.endedOrders()));
        keyCommands.del(doomed.toArray(String[]::new));
        return usernames.size();
    }

    /** Runs the apply script by its digest, sending the script itself only when Redis does not know it yet. */
    private long evaluate(List<String> keysAndArgs) {
        String[] args = new String[keysAndArgs.size() + 2];
        args[1] = "4";
        for (int i = 0; i < keysAndArgs.size(); i++) {
            args[i + 2] = keysAndArgs.get(i);
        }
        try {
            args[0] = applyScriptSha;
            return redis.execute("EVALSHA", args).toLong();
        } catch (RuntimeException e) {
            if (!isNoScript(e)) {
                throw e;
            }
            args[0] = applyScript;
            return redis.execute("EVAL", args).toLong();
        }
    }

    private static boolean isNoScript(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("NOSCRIPT")) {
                return true;
            }
        }
        return false;
    }

    private static String resource(String path) {
        try (InputStream in = CustomerRepository.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String script) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
