package dev.polyshop.customer.service;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.polyshop.customer.CreditReservation;
import dev.polyshop.customer.CreditReservation.State;
import dev.polyshop.customer.CustomerEvents;
import dev.polyshop.customer.CustomerEvents.CreditReleased;
import dev.polyshop.customer.CustomerEvents.CreditReservationFailed;
import dev.polyshop.customer.CustomerEvents.CreditReserved;
import dev.polyshop.customer.CustomerEvents.CreditSet;
import dev.polyshop.customer.CustomerEvents.CustomerPasswordChanged;
import dev.polyshop.customer.CustomerEvents.CustomerProfileUpdated;
import dev.polyshop.customer.CustomerEvents.CustomerRegistered;
import dev.polyshop.customer.config.CustomerConfig;
import dev.polyshop.customer.repository.CustomerChange;
import dev.polyshop.customer.repository.CustomerRepository;
import dev.polyshop.eventstore.client.MalformedMessageException;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.eventstore.client.StreamConflictException;

/**
 * Redis as a projection of the customer streams. The same code applies an event from the subscription, from a replay
 * and right after the service appended it; each event is applied once, in version order, whoever comes first.
 */
@ApplicationScoped
public class CustomerProjection {

    private static final Logger LOG = Logger.getLogger(CustomerProjection.class);
    private static final Duration POLL = Duration.ofMillis(20);

    private final CustomerRepository customers;
    private final Duration catchUpWait;

    public CustomerProjection(CustomerRepository customers, CustomerConfig config) {
        this.customers = customers;
        this.catchUpWait = config.saga().conflictWait();
    }

    /**
     * Applies the event if it is the next one of its stream; skips it if it was applied before.
     *
     * @throws ProjectionGapException if an earlier event of the stream has not been applied yet
     */
    public boolean apply(RecordedEvent event) {
        if (!CustomerEvents.STREAM_TYPE.equals(event.streamType())) {
            return false;
        }
        CustomerChange change = toChange(event);
        return switch (customers.apply(change)) {
            case APPLIED -> true;
            case SEEN_BEFORE -> false;
            case GAP -> throw new ProjectionGapException(event.streamId(), event.version(),
                    customers.version(event.streamId()));
        };
    }

    /**
     * Applies events this service has just appended, so that it reads its own writes. If an earlier event is still on
     * its way through the subscription, waits a little for it.
     */
    public void applyRecorded(List<RecordedEvent> events) {
        for (RecordedEvent event : events) {
            try {
                apply(event);
            } catch (ProjectionGapException gap) {
                LOG.debug(gap.getMessage());
                awaitVersion(event.streamId(), event.version());
            }
        }
    }

    /**
     * Waits until the projection of a customer reached a version of its stream, after a conflict says that the stream
     * is there.
     *
     * @throws StreamConflictException if it did not within the configured wait: the decision cannot be made again yet
     */
    public void awaitVersion(String username, long version) {
        Instant deadline = Instant.now().plus(catchUpWait);
        while (customers.version(username) < version) {
            if (Instant.now().isAfter(deadline)) {
                throw new StreamConflictException(username, customers.version(username), version);
            }
            pause();
        }
    }

    private static CustomerChange toChange(RecordedEvent event) {
        String username = event.streamId();
        long version = event.version();
        try {
            return switch (event.type()) {
                case CustomerRegistered.TYPE -> {
                    CustomerRegistered registered = event.dataAs(CustomerRegistered.class);
                    yield CustomerChange.registered(username, version, registered.fullName(), registered.email(),
                            registered.passwordHash(), registered.credit(), registered.registeredAt());
                }
                case CustomerProfileUpdated.TYPE -> {
                    CustomerProfileUpdated updated = event.dataAs(CustomerProfileUpdated.class);
                    yield CustomerChange.profile(username, version, updated.fullName(), updated.email());
                }
                case CustomerPasswordChanged.TYPE -> CustomerChange.password(username, version,
                        event.dataAs(CustomerPasswordChanged.class).passwordHash());
                case CreditSet.TYPE -> CustomerChange.credit(username, version, event.dataAs(CreditSet.class).credit());
                case CreditReserved.TYPE -> {
                    CreditReserved reserved = event.dataAs(CreditReserved.class);
                    yield CustomerChange.reservation(username, version, reserved.amount().negate(),
                            new CreditReservation(reserved.orderId(), State.RESERVED, reserved.amount()));
                }
                case CreditReservationFailed.TYPE -> {
                    CreditReservationFailed failed = event.dataAs(CreditReservationFailed.class);
                    yield CustomerChange.reservation(username, version, BigDecimal.ZERO,
                            new CreditReservation(failed.orderId(), State.DENIED, failed.amount()));
                }
                case CreditReleased.TYPE -> {
                    CreditReleased released = event.dataAs(CreditReleased.class);
                    yield CustomerChange.reservation(username, version, released.amount(),
                            new CreditReservation(released.orderId(), State.RELEASED, released.amount()));
                }
                // Unknown types still take their version, so that the events after them apply.
                default -> CustomerChange.unchanged(username, version);
            };
        } catch (ArithmeticException e) {
            throw new MalformedMessageException(event.type() + " " + event.id() + " has an amount of more than cents",
                    e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the projection", e);
        }
    }
}
