package dev.polyshop.accounting.repository;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.couchbase.client.core.error.DocumentNotFoundException;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.json.JsonObject;
import com.couchbase.client.java.kv.UpsertOptions;

import dev.polyshop.accounting.config.AccountingConfig;

/**
 * Orders the saga saw cancelled ({@code order-cancelled::<orderId>}). A cancellation can arrive before the approval it
 * follows (a redelivered or republished approval); remembering it lets the late approval issue the invoice and credit
 * it at once, instead of leaving revenue for a cancelled order.
 */
@ApplicationScoped
public class CancelledOrders {

    static final String CANCELLED = "order-cancelled::";

    private final Collection collection;
    private final Duration memory;

    public CancelledOrders(Collection collection, AccountingConfig config) {
        this.collection = collection;
        this.memory = config.memory();
    }

    public void remember(UUID orderId) {
        collection.upsert(CANCELLED + orderId, JsonObject.create().put("orderId", orderId.toString()),
                UpsertOptions.upsertOptions().expiry(memory));
    }

    public boolean contains(UUID orderId) {
        try {
            collection.get(CANCELLED + orderId);
            return true;
        } catch (DocumentNotFoundException e) {
            return false;
        }
    }
}
