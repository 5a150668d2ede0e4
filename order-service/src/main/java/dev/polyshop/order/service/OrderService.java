package dev.polyshop.order.service;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.AppendResult;
import dev.polyshop.eventstore.client.EventJson;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.eventstore.client.StreamConflictException;
import dev.polyshop.order.Order;
import dev.polyshop.order.OrderStatus;
import dev.polyshop.order.OrderView;
import dev.polyshop.order.config.OrderConfig;
import dev.polyshop.problems.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

/**
 * The order's decisions. Each is appended to the order's stream against the version this service last saw, then
 * applied to the database from the recorded events; a concurrent decision (a cancellation racing an approval, a
 * timeout racing a reservation) makes the later one a conflict, decided again on the new state.
 */
@ApplicationScoped
public class OrderService {

    private static final Logger LOG = Logger.getLogger(OrderService.class);
    private static final int DECISION_ATTEMPTS = 5;
    private static final Duration POLL = Duration.ofMillis(250);

    private final EventStoreClient eventStore;
    private final OrderProjection projection;
    private final OrderWatch watch;
    private final OrderConfig config;

    public OrderService(EventStoreClient eventStore, OrderProjection projection, OrderWatch watch,
            OrderConfig config) {
        this.eventStore = eventStore;
        this.projection = projection;
        this.watch = watch;
        this.config = config;
    }

    public OrderView place(String customer, UUID productId, int quantity) {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> placed = new LinkedHashMap<>();
        placed.put("orderId", orderId.toString());
        placed.put("customer", customer);
        placed.put("productId", productId.toString());
        placed.put("quantity", quantity);
        AppendResult result = eventStore.append(AppendRequest.to("order", orderId.toString()).asNewStream()
                .correlatedWith(orderId.toString()).events(NewEvent.of("OrderPlaced", placed)));
        applyAll(result.events());
        return view(orderId).orElseThrow();
    }

    public OrderView cancel(UUID orderId, String by) {
        decide(orderId, order -> {
            if (!order.canBeCancelled()) {
                throw ProblemException.conflict("a " + order.status + " order cannot be cancelled");
            }
            return Optional.of(NewEvent.of("OrderCancelled", Map.of("orderId", orderId.toString(), "by", by)));
        }, null);
        return view(orderId).orElseThrow();
    }

    /** Approves a pending order once its credit is reserved (its stock was reserved before). */
    public void approveIfPending(UUID orderId, RecordedEvent cause) {
        decide(orderId, order -> {
            if (!order.isPending()) {
                return Optional.empty();
            }
            if (!order.hasStockReserved()) {
                throw new ProjectionGapException("credit reserved for " + orderId + " before its stock");
            }
            return Optional.of(NewEvent.reactingTo(cause, "OrderApproved", approval(order)));
        }, cause);
    }

    public void rejectIfPending(UUID orderId, String reason, RecordedEvent cause) {
        decide(orderId, order -> order.isPending()
                ? Optional.of(rejection(orderId, reason, cause))
                : Optional.empty(), cause);
    }

    /** Rejects with TIMEOUT the pending orders older than the saga timeout; returns how many. */
    public int rejectTimedOut() {
        List<UUID> stuck = pendingPlacedBefore(Instant.now().minus(config.sagaTimeout()));
        int rejected = 0;
        for (UUID orderId : stuck) {
            try {
                rejectIfPending(orderId, "TIMEOUT", null);
                rejected++;
            } catch (RuntimeException e) {
                LOG.warnf("order %s timed out but could not be rejected yet: %s", orderId, e.getMessage());
            }
        }
        return rejected;
    }

    private List<UUID> pendingPlacedBefore(Instant instant) {
        return QuarkusTransaction.joiningExisting().call(() -> Order.<Order>find("status = ?1 and placedAt < ?2",
                Sort.ascending("placedAt"), OrderStatus.PENDING, instant).page(0, 200).stream()
                .map(order -> order.id).toList());
    }

    private static NewEvent rejection(UUID orderId, String reason, RecordedEvent cause) {
        Map<String, Object> data = Map.of("orderId", orderId.toString(), "reason", reason);
        return cause == null
                ? new NewEvent(NewEvent.derivedId(orderId, "OrderRejected"), "OrderRejected", EventJson.tree(data))
                : NewEvent.reactingTo(cause, "OrderRejected", data);
    }

    private static Map<String, Object> approval(Order order) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", order.id.toString());
        data.put("customer", order.customer);
        data.put("productId", order.productId.toString());
        data.put("productName", order.productName);
        data.put("quantity", order.quantity);
        data.put("unitPrice", order.unitPrice);
        data.put("total", order.total);
        return data;
    }

    /**
     * Decides on the order's current state and appends the decision against the version that state was read at. On a
     * conflict, waits until this service has applied the change that beat it, and decides again.
     */
    private void decide(UUID orderId, Function<Order, Optional<NewEvent>> decision, RecordedEvent cause) {
        for (int attempt = 1; attempt <= DECISION_ATTEMPTS; attempt++) {
            Snapshot snapshot = snapshot(orderId, decision);
            if (snapshot.event().isEmpty()) {
                return;
            }
            AppendRequest.Builder request = AppendRequest.to("order", orderId.toString())
                    .expectingVersion(snapshot.version());
            request = cause == null ? request.correlatedWith(orderId.toString()) : request.causedBy(cause);
            try {
                applyAll(eventStore.append(request.events(snapshot.event().get())).events());
                return;
            } catch (StreamConflictException conflict) {
                awaitVersion(orderId, conflict.currentVersion());
            }
        }
        throw new StreamConflictException(orderId.toString(), -1, -1);
    }

    private record Snapshot(long version, Optional<NewEvent> event) {
    }

    private Snapshot snapshot(UUID orderId, Function<Order, Optional<NewEvent>> decision) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Order order = Order.findById(orderId);
            if (order == null) {
                throw new ProjectionGapException("order " + orderId + " is not projected yet");
            }
            return new Snapshot(order.version, decision.apply(order));
        });
    }

    private void awaitVersion(UUID orderId, long version) {
        Instant deadline = Instant.now().plus(config.catchUpTimeout());
        while (Instant.now().isBefore(deadline)) {
            if (currentVersion(orderId) >= version) {
                return;
            }
            try {
                watch.awaitChange(orderId, POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private long currentVersion(UUID orderId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Order order = Order.findById(orderId);
            return order == null ? 0L : order.version;
        });
    }

    /** Applies recorded events here and wakes whoever waits for the orders they changed. */
    public void applyAll(List<RecordedEvent> events) {
        for (RecordedEvent event : events) {
            apply(event);
        }
    }

    public void apply(RecordedEvent event) {
        UUID changed = projection.apply(event, true);
        if (changed != null) {
            watch.changed(changed);
        }
    }

    public Optional<OrderView> view(UUID orderId) {
        return QuarkusTransaction.joiningExisting()
                .call(() -> Optional.ofNullable(Order.<Order>findById(orderId)).map(OrderView::of));
    }

    /** An order for someone allowed to see it: its customer or a manager; anyone else is told it does not exist. */
    public OrderView viewFor(UUID orderId, String username, boolean manager) {
        return view(orderId).filter(order -> manager || order.customer().equals(username))
                .orElseThrow(() -> ProblemException.notFound("order " + orderId));
    }

    /** Newest first, with their histories fetched in the same query. */
    public List<OrderView> list(Optional<String> customer) {
        String query = "from Order o left join fetch o.history"
                + customer.map(c -> " where o.customer = ?1").orElse("") + " order by o.placedAt desc";
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<Order> orders = customer.isPresent()
                    ? Order.<Order>find(query, customer.get()).list()
                    : Order.<Order>find(query).list();
            return orders.stream().distinct().map(OrderView::of).toList();
        });
    }

    /**
     * Waits up to {@code timeout} for the order to reach a final state; returns it as it is then. Changes made by this
     * instance wake the wait at once, others are seen on the next re-read.
     */
    public OrderView awaitFinal(UUID orderId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        OrderView order = view(orderId).orElseThrow();
        while (!order.isFinal() && Instant.now().isBefore(deadline)) {
            try {
                watch.awaitChange(orderId, minimum(POLL, Duration.between(Instant.now(), deadline)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            order = view(orderId).orElseThrow();
        }
        return order;
    }

    /** Waits for the next change of the order (or a re-read interval) and returns it if it differs from {@code seen}. */
    public Optional<OrderView> nextChange(UUID orderId, OrderView seen) throws InterruptedException {
        watch.awaitChange(orderId, POLL);
        return view(orderId).filter(current -> !current.equals(seen));
    }

    private static Duration minimum(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
