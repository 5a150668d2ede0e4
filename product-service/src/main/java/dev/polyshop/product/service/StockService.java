package dev.polyshop.product.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.AppendResult;
import dev.polyshop.eventstore.client.EventJson;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.eventstore.client.StreamConflictException;
import dev.polyshop.product.EndedOrder;
import dev.polyshop.product.Product;
import dev.polyshop.product.StockReservation;
import dev.polyshop.product.config.CatalogConfig;
import dev.polyshop.product.event.OrderEvents;
import dev.polyshop.product.event.OrderEvents.OrderPlaced;
import dev.polyshop.product.event.ProductEvents;
import dev.polyshop.product.event.ProductEvents.StockReleased;
import dev.polyshop.product.event.ProductEvents.StockReservationFailed;
import dev.polyshop.product.event.ProductEvents.StockReserved;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * product-service's part of the order saga: reserves stock for a placed order, at the product's current price, or
 * refuses it; gives it back when the order ends without it.
 * <p>
 * Every decision is read from this service's database and appended to the product's stream against the version it was
 * read at, so two decisions on one product are serialized by the event store: of two reservations of the last unit one
 * is recorded, the other is a conflict, taken again on the new stock, and refused. Stock is never negative in the log,
 * hence never in the database (which checks it too). An order for a product that never existed is refused on a
 * {@code missing-product} stream of the order's own instead: no order starts a product stream. Reactions derive their
 * event ids from their causes (a release from the reservation it undoes), so a message delivered twice records nothing
 * twice; and the reservation table says what was decided for each order, so a redelivered order is not decided again.
 */
@ApplicationScoped
public class StockService {

    private static final Logger LOG = Logger.getLogger(StockService.class);

    private final EventStoreClient eventStore;
    private final CatalogProjection projection;
    private final ProjectionWait wait;
    private final int attempts;

    public StockService(EventStoreClient eventStore, CatalogProjection projection, ProjectionWait wait,
            CatalogConfig config) {
        this.eventStore = eventStore;
        this.projection = projection;
        this.wait = wait;
        this.attempts = config.decisionAttempts();
    }

    /** What to append to which stream, and the version the decision was read at. */
    private record Decision(String streamType, String streamId, long version, NewEvent event) {

        static Decision onProduct(Product product, NewEvent event) {
            return new Decision(ProductEvents.STREAM_TYPE, product.id, product.version, event);
        }

        /** Its only event is this one, with an id derived from the order placed: a second copy is a DUPLICATE. */
        static Decision onMissingProduct(OrderPlaced order, NewEvent event) {
            return new Decision(ProductEvents.MISSING_PRODUCT_STREAM_TYPE, order.orderId(), AppendRequest.NEW_STREAM,
                    event);
        }
    }

    /** On OrderPlaced: StockReserved, or StockReservationFailed OUT_OF_STOCK or PRODUCT_NOT_FOUND. */
    public void reserve(RecordedEvent cause) {
        OrderPlaced order = OrderPlaced.of(cause);
        decideAndRecord(() -> reservation(order, cause), cause);
        // An order that ended while the reservation was being made: whichever of the two was recorded last sees the
        // other here or in release(), so the units do not stay reserved.
        if (hasEnded(order.orderId())) {
            release(order.orderId(), cause);
        }
    }

    /** On OrderRejected, OrderCancelled and CreditReservationFailed: StockReleased if units are held for the order. */
    public void orderEnded(RecordedEvent cause) {
        projection.apply(cause);
        release(OrderEvents.endedOrderId(cause), cause);
    }

    private void release(String orderId, RecordedEvent cause) {
        decideAndRecord(() -> releaseOf(orderId), cause);
    }

    private Optional<Decision> reservation(OrderPlaced order, RecordedEvent cause) {
        if (StockReservation.findById(order.orderId()) != null) {
            return Optional.empty();
        }
        if (hasEnded(order.orderId())) {
            LOG.debugf("order %s ended before its stock was decided: nothing reserved", order.orderId());
            return Optional.empty();
        }
        Product product = Product.findById(order.productId());
        // No product stream has this id, which the shopper chose: the refusal must not start one.
        if (product == null) {
            return Optional.of(Decision.onMissingProduct(order, failure(order, cause,
                    ProductEvents.PRODUCT_NOT_FOUND)));
        }
        // A deleted product's stream exists: its refusals follow the deletion there, like every decision on it.
        if (!product.isLive()) {
            return Optional.of(Decision.onProduct(product, failure(order, cause, ProductEvents.PRODUCT_NOT_FOUND)));
        }
        if (!product.canReserve(order.quantity())) {
            return Optional.of(Decision.onProduct(product, failure(order, cause, ProductEvents.OUT_OF_STOCK)));
        }
        return Optional.of(Decision.onProduct(product, NewEvent.reactingTo(cause, ProductEvents.STOCK_RESERVED,
                new StockReserved(order.orderId(), order.customer(), order.productId(), order.quantity(),
                        product.price, product.name))));
    }

    private static NewEvent failure(OrderPlaced order, RecordedEvent cause, String reason) {
        return NewEvent.reactingTo(cause, ProductEvents.STOCK_RESERVATION_FAILED, new StockReservationFailed(
                order.orderId(), order.customer(), order.productId(), order.quantity(), reason));
    }

    /** The release of what is held for the order, whatever ended it: its id comes from the reservation. */
    private Optional<Decision> releaseOf(String orderId) {
        StockReservation reservation = StockReservation.findById(orderId);
        if (reservation == null || !reservation.isHeld()) {
            return Optional.empty();
        }
        Product product = Product.findById(reservation.productId);
        StockReleased released = new StockReleased(orderId, reservation.productId, reservation.quantity);
        return Optional.of(Decision.onProduct(product, new NewEvent(
                NewEvent.derivedId(UUID.fromString(reservation.eventId), ProductEvents.STOCK_RELEASED),
                ProductEvents.STOCK_RELEASED, EventJson.tree(released))));
    }

    /**
     * Decides on the current state and appends the decision against the version it was read at. On a conflict, waits
     * until this service has applied the change that won, and decides again; gives up by throwing (the message comes
     * back later).
     */
    private void decideAndRecord(DecisionSource source, RecordedEvent cause) {
        for (int attempt = 1;; attempt++) {
            Optional<Decision> decision = QuarkusTransaction.requiringNew().call(source::decide);
            if (decision.isEmpty()) {
                return;
            }
            Decision d = decision.get();
            try {
                AppendResult result = eventStore.append(AppendRequest.to(d.streamType(), d.streamId())
                        .expectingVersion(d.version()).causedBy(cause).events(d.event()));
                projection.apply(result.events());
                return;
            } catch (StreamConflictException e) {
                if (attempt >= attempts) {
                    throw e;
                }
                LOG.debugf("%s for %s lost a race on %s %s (now at version %d); deciding again", d.event().type(),
                        cause.correlationId(), d.streamType(), d.streamId(), e.currentVersion());
                wait.untilProductCaughtUp(e);
            }
        }
    }

    @FunctionalInterface
    private interface DecisionSource {
        Optional<Decision> decide();
    }

    private static boolean hasEnded(String orderId) {
        return QuarkusTransaction.joiningExisting().call(() -> EndedOrder.findById(orderId) != null);
    }
}
