package dev.polyshop.product.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.product.ReservationStatus;
import dev.polyshop.product.event.CategoryEvents;
import dev.polyshop.product.event.CategoryEvents.CategoryNamed;
import dev.polyshop.product.event.CategoryEvents.NameClaimed;
import dev.polyshop.product.event.CategoryEvents.NameReleased;
import dev.polyshop.product.event.OrderEvents;
import dev.polyshop.product.event.ProductEvents;
import dev.polyshop.product.event.ProductEvents.ProductDetails;
import dev.polyshop.product.event.ProductEvents.StockReleased;
import dev.polyshop.product.event.ProductEvents.StockReservationFailed;
import dev.polyshop.product.event.ProductEvents.StockReserved;

/**
 * Applies recorded events to the database; the one way the catalog tables change. The same code runs right after a
 * service's own append (read-your-writes), for the projection queue, for the saga's ending events and for a rebuild,
 * and it is safe when several of those apply the same event at once:
 * <ul>
 * <li>each stream has one row; a stream's first event inserts a blank row if none is there, or else locks the row
 * exclusively ({@code ON DUPLICATE KEY UPDATE}): concurrent appliers of the event queue up behind each other, rather
 * than sharing a lock each then needs to upgrade (a deadlock);</li>
 * <li>every change is one {@code UPDATE ... WHERE version = :v - 1}: the event is applied exactly when it is the next
 * one of its stream; a version already applied is skipped; a version past the next one throws
 * {@link ProjectionGapException}, and the message comes back once the earlier event is in.</li>
 * </ul>
 * Writes are plain SQL, so entities loaded earlier in the same transaction do not see them: read again afterwards.
 */
@ApplicationScoped
public class CatalogProjection {

    /**
     * What a rebuild replays: the catalog's own streams (the refusals of missing products included), and the order and
     * customer streams for the orders that ended.
     */
    public static final List<String> STREAM_TYPES = List.of(CategoryEvents.NAME_STREAM_TYPE,
            CategoryEvents.STREAM_TYPE, ProductEvents.STREAM_TYPE, ProductEvents.MISSING_PRODUCT_STREAM_TYPE, "order",
            "customer");

    private static final Logger LOG = Logger.getLogger(CatalogProjection.class);

    private final EntityManager entityManager;

    public CatalogProjection(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public void apply(List<RecordedEvent> events) {
        events.forEach(this::apply);
    }

    /** @return whether the event changed anything (false for one applied before, or one the catalog ignores) */
    @Transactional
    public boolean apply(RecordedEvent event) {
        return switch (event.streamType()) {
            case CategoryEvents.STREAM_TYPE -> applyCategoryEvent(event);
            case CategoryEvents.NAME_STREAM_TYPE -> applyNameEvent(event);
            case ProductEvents.STREAM_TYPE -> applyProductEvent(event);
            case ProductEvents.MISSING_PRODUCT_STREAM_TYPE -> applyMissingProductEvent(event);
            default -> OrderEvents.endsOrder(event) && recordEnded(event);
        };
    }

    private boolean applyCategoryEvent(RecordedEvent event) {
        String id = event.streamId();
        if (event.version() == 1) {
            sql("INSERT INTO category (id, deleted, version) VALUES (?1, TRUE, 0) ON DUPLICATE KEY UPDATE id = id", id)
                    .executeUpdate();
        }
        Query change = switch (event.type()) {
            case CategoryEvents.CREATED, CategoryEvents.RENAMED -> {
                String name = event.dataAs(CategoryNamed.class).name();
                yield sql("UPDATE category SET name = ?3, name_key = ?4, deleted = FALSE, version = ?2"
                        + " WHERE id = ?1 AND version = ?2 - 1", id, event.version(), name, CategoryNames.key(name));
            }
            case CategoryEvents.DELETED -> sql("UPDATE category SET name_key = NULL, deleted = TRUE, version = ?2"
                    + " WHERE id = ?1 AND version = ?2 - 1", id, event.version());
            default -> unknownType(event, "category");
        };
        return applied(change, event, "category");
    }

    private boolean applyNameEvent(RecordedEvent event) {
        String streamId = event.streamId();
        Query change = switch (event.type()) {
            case CategoryEvents.NAME_CLAIMED -> {
                NameClaimed claim = event.dataAs(NameClaimed.class);
                insertNameRowIfFirst(event, claim.name());
                yield sql("UPDATE category_name SET name = ?3, category_id = ?4, claim_event_id = ?5,"
                        + " category_version = ?6, previous_name = ?7, version = ?2 WHERE stream_id = ?1"
                        + " AND version = ?2 - 1", streamId, event.version(), claim.name(), claim.categoryId(),
                        event.id().toString(), claim.categoryVersion(), claim.previousName());
            }
            case CategoryEvents.NAME_RELEASED -> {
                insertNameRowIfFirst(event, event.dataAs(NameReleased.class).name());
                yield sql("UPDATE category_name SET category_id = NULL, claim_event_id = NULL,"
                        + " category_version = NULL, previous_name = NULL, version = ?2 WHERE stream_id = ?1"
                        + " AND version = ?2 - 1", streamId, event.version());
            }
            default -> unknownType(event, "category_name");
        };
        return applied(change, event, "category_name");
    }

    private void insertNameRowIfFirst(RecordedEvent event, String name) {
        if (event.version() == 1) {
            sql("INSERT INTO category_name (stream_id, name_key, name, version) VALUES (?1, ?2, ?3, 0)"
                    + " ON DUPLICATE KEY UPDATE stream_id = stream_id", event.streamId(), CategoryNames.key(name), name)
                    .executeUpdate();
        }
    }

    private boolean applyProductEvent(RecordedEvent event) {
        String id = event.streamId();
        if (event.version() == 1) {
            sql("INSERT INTO product (id, deleted, version) VALUES (?1, TRUE, 0) ON DUPLICATE KEY UPDATE id = id", id)
                    .executeUpdate();
        }
        Query change = switch (event.type()) {
            case ProductEvents.CREATED, ProductEvents.UPDATED -> {
                ProductDetails details = event.dataAs(ProductDetails.class);
                yield sql("UPDATE product SET name = ?3, description = ?4, supplier = ?5, category_id = ?6,"
                        + " price = ?7, units_in_stock = ?8, deleted = FALSE, version = ?2"
                        + " WHERE id = ?1 AND version = ?2 - 1", id, event.version(), details.name(),
                        details.description(), details.supplier(), details.categoryId(), details.price(),
                        details.unitsInStock());
            }
            case ProductEvents.DELETED -> sql("UPDATE product SET deleted = TRUE, version = ?2"
                    + " WHERE id = ?1 AND version = ?2 - 1", id, event.version());
            case ProductEvents.STOCK_RESERVED -> sql("UPDATE product SET units_in_stock = units_in_stock - ?3,"
                    + " version = ?2 WHERE id = ?1 AND version = ?2 - 1", id, event.version(),
                    event.dataAs(StockReserved.class).quantity());
            // A product deleted meanwhile gets its units back too: its row is not shown, and it stays exact.
            case ProductEvents.STOCK_RELEASED -> sql("UPDATE product SET units_in_stock = units_in_stock + ?3,"
                    + " version = ?2 WHERE id = ?1 AND version = ?2 - 1", id, event.version(),
                    event.dataAs(StockReleased.class).quantity());
            default -> sql("UPDATE product SET version = ?2 WHERE id = ?1 AND version = ?2 - 1", id,
                    event.version());
        };
        if (!applied(change, event, "product")) {
            return false;
        }
        recordStockDecision(event);
        return true;
    }

    /**
     * A refusal of a product that never existed has no product row to move: only the order's reservation is recorded,
     * once, so that the order is not decided again.
     */
    private boolean applyMissingProductEvent(RecordedEvent event) {
        if (!ProductEvents.STOCK_RESERVATION_FAILED.equals(event.type())) {
            return false;
        }
        StockReservationFailed failed = event.dataAs(StockReservationFailed.class);
        return recordFailure(failed, failed.productId(), event);
    }

    /** Runs once per stock event, after its product row moved to the event's version: the reservation follows. */
    private void recordStockDecision(RecordedEvent event) {
        switch (event.type()) {
            case ProductEvents.STOCK_RESERVED -> {
                StockReserved reserved = event.dataAs(StockReserved.class);
                sql("REPLACE INTO stock_reservation (order_id, product_id, customer, quantity, unit_price, status,"
                        + " reason, event_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, ?7)", reserved.orderId(),
                        event.streamId(), reserved.customer(), reserved.quantity(), reserved.unitPrice(),
                        ReservationStatus.RESERVED.name(), event.id().toString()).executeUpdate();
            }
            case ProductEvents.STOCK_RESERVATION_FAILED ->
                recordFailure(event.dataAs(StockReservationFailed.class), event.streamId(), event);
            case ProductEvents.STOCK_RELEASED -> sql("UPDATE stock_reservation SET status = ?2 WHERE order_id = ?1",
                    event.dataAs(StockReleased.class).orderId(), ReservationStatus.RELEASED.name()).executeUpdate();
            default -> {
                // only stock events decide anything about an order
            }
        }
    }

    private boolean recordFailure(StockReservationFailed failed, String productId, RecordedEvent event) {
        return sql("INSERT IGNORE INTO stock_reservation (order_id, product_id, customer, quantity, unit_price, status,"
                + " reason, event_id) VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?6, ?7)", failed.orderId(), productId,
                failed.customer(), failed.quantity(), ReservationStatus.FAILED.name(), failed.reason(),
                event.id().toString()).executeUpdate() == 1;
    }

    private boolean recordEnded(RecordedEvent event) {
        return sql("INSERT IGNORE INTO ended_order (order_id, ended_by, event_id) VALUES (?1, ?2, ?3)",
                OrderEvents.endedOrderId(event), event.routingKey(), event.id().toString()).executeUpdate() == 1;
    }

    /**
     * Whether the guarded update moved the row to the event's version. If it did not, the row is either there already
     * (a repeat: skipped) or behind by more than one (a gap: thrown, to be retried).
     */
    private boolean applied(Query change, RecordedEvent event, String table) {
        if (change.executeUpdate() == 1) {
            return true;
        }
        String key = "category_name".equals(table) ? "stream_id" : "id";
        List<?> found = sql("SELECT version FROM " + table + " WHERE " + key + " = ?1", event.streamId())
                .getResultList();
        long current = found.isEmpty() ? 0 : ((Number) found.getFirst()).longValue();
        if (current >= event.version()) {
            return false;
        }
        throw new ProjectionGapException(event.routingKey() + " version " + event.version() + " of " + event.streamId()
                + " waits: " + table + " is at version " + current);
    }

    /** An event type this version of the service does not know still takes its place in the stream. */
    private Query unknownType(RecordedEvent event, String table) {
        LOG.warnf("%s is unknown here; only its version is applied", event.routingKey());
        String key = "category_name".equals(table) ? "stream_id" : "id";
        return sql("UPDATE " + table + " SET version = ?2 WHERE " + key + " = ?1 AND version = ?2 - 1",
                event.streamId(), event.version());
    }

    private Query sql(String statement, Object... parameters) {
        Query query = entityManager.createNativeQuery(statement);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
