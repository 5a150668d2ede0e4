package dev.polyshop.customer.repository;

import jakarta.enterprise.context.ApplicationScoped;

import dev.polyshop.customer.config.CustomerConfig;

/**
 * The names of every key this service keeps, all under one prefix. Each one is reachable from the customers index or is
 * one of three fixed names, so the service never scans the key space.
 */
@ApplicationScoped
public class RedisKeys {

    private final String prefix;

    public RedisKeys(CustomerConfig config) {
        this.prefix = config.redis().keyPrefix();
    }

    /** Hash: username, fullName, email, passwordHash, creditCents, createdAt, version. */
    public String customer(String username) {
        return prefix + "customer:" + username;
    }

    /** Hash: order id → the reservation entry, e.g. {@code RESERVED:12.50}. */
    public String reservations(String username) {
        return prefix + "customer:" + username + ":reservations";
    }

    /** Sorted set of every username, all with score 0, so that it is ordered by username. */
    public String customers() {
        return prefix + "customers";
    }

    /** Hash: order id → the username whose credit the order asked for; order events do not name the customer. */
    public String reservationHolders() {
        return prefix + "reservation-holders";
    }

    /** Set of the ids of rejected or cancelled orders: a reservation that arrives later is not kept. */
    public String endedOrders() {
        return prefix + "ended-orders";
    }
}
