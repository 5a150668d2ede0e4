package dev.polyshop.customer.service;

import java.math.BigDecimal;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.polyshop.customer.CreditReservation;
import dev.polyshop.customer.Customer;
import dev.polyshop.customer.CustomerEvents;
import dev.polyshop.customer.CustomerEvents.CreditReleased;
import dev.polyshop.customer.CustomerEvents.CreditReservationFailed;
import dev.polyshop.customer.CustomerEvents.CreditReserved;
import dev.polyshop.customer.repository.CustomerRepository;
import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.AppendResult;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.eventstore.client.StreamConflictException;

/**
 * The customer's part of the order saga: reserve credit for an order, or fail; give it back when the order ends
 * without being paid.
 * <p>
 * Each decision reads the projection, appends expecting the version it read (so no two decisions on one customer can
 * both be recorded: credit never goes below zero), and applies what was recorded. Each is idempotent: an order has at
 * most one reservation entry, a release needs a held reservation, and a reaction's event id derives from its cause, so a
 * redelivered cause is recorded once. An order that ended is remembered, so a reservation that comes after its end is
 * not kept.
 */
@ApplicationScoped
public class CreditService {

    private static final Logger LOG = Logger.getLogger(CreditService.class);
    /** Decisions that lose a race are made again on the newer state; after this many the message comes back later. */
    private static final int ATTEMPTS = 5;

    private final EventStoreClient eventStore;
    private final CustomerRepository customers;
    private final CustomerProjection projection;

    public CreditService(EventStoreClient eventStore, CustomerRepository customers, CustomerProjection projection) {
        this.eventStore = eventStore;
        this.customers = customers;
        this.projection = projection;
    }

    /** Stock was reserved for an order: reserve its total from the customer's credit, or record that it is too little. */
    public void reserve(RecordedEvent cause, String orderId, String username, BigDecimal amount) {
        decideReservation(cause, orderId, Customer.normalize(username), amount);
        // The order may have ended while the decision was being made: then what was reserved goes back at once.
        if (customers.hasEnded(orderId)) {
            release(cause, orderId);
        }
    }

    /** The order was rejected or cancelled: give back the credit it holds, and keep any later reservation from it. */
    public void orderEnded(RecordedEvent cause, String orderId) {
        customers.markEnded(orderId);
        release(cause, orderId);
    }

    private void decideReservation(RecordedEvent cause, String orderId, String username, BigDecimal amount) {
        for (int attempt = 1;; attempt++) {
            if (customers.hasEnded(orderId)) {
                LOG.debugf("order %s ended before its credit was reserved: nothing reserved", orderId);
                return;
            }
            Customer customer = customers.find(username).orElseThrow(() -> new IllegalStateException(
                    "order " + orderId + " is for customer " + username + ", who is not known here"));
            if (customers.reservation(username, orderId).isPresent()) {
                return;
            }
            NewEvent decision = customer.canReserve(amount)
                    ? NewEvent.reactingTo(cause, CreditReserved.TYPE, new CreditReserved(orderId, amount))
                    : NewEvent.reactingTo(cause, CreditReservationFailed.TYPE, new CreditReservationFailed(orderId,
                            amount, CreditReservationFailed.INSUFFICIENT_CREDIT));
            if (record(cause, customer, decision, attempt)) {
                return;
            }
        }
    }

    private void release(RecordedEvent cause, String orderId) {
        for (int attempt = 1;; attempt++) {
            Optional<String> holder = customers.reservationHolder(orderId);
            if (holder.isEmpty()) {
                return;
            }
            Optional<Customer> customer = customers.find(holder.get());
            Optional<CreditReservation> reservation = customers.reservation(holder.get(), orderId);
            if (customer.isEmpty() || reservation.isEmpty() || !reservation.get().isHeld()) {
                return;
            }
            NewEvent released = NewEvent.reactingTo(cause, CreditReleased.TYPE,
                    new CreditReleased(orderId, reservation.get().amount()));
            if (record(cause, customer.get(), released, attempt)) {
                return;
            }
        }
    }

    /** Appends a decision made on {@code customer}; false if the stream moved on and the decision must be made again. */
    private boolean record(RecordedEvent cause, Customer customer, NewEvent decision, int attempt) {
        AppendResult result;
        try {
            result = eventStore.append(AppendRequest.to(CustomerEvents.STREAM_TYPE, customer.username())
                    .expectingVersion(customer.version()).causedBy(cause).events(decision));
        } catch (StreamConflictException conflict) {
            if (attempt == ATTEMPTS) {
                throw conflict;
            }
            projection.awaitVersion(customer.username(), conflict.currentVersion());
            return false;
        }
        projection.applyRecorded(result.events());
        return true;
    }
}
