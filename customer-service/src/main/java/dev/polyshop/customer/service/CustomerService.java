package dev.polyshop.customer.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.polyshop.customer.Customer;
import dev.polyshop.customer.CustomerEvents;
import dev.polyshop.customer.CustomerEvents.CreditSet;
import dev.polyshop.customer.CustomerEvents.CustomerPasswordChanged;
import dev.polyshop.customer.CustomerEvents.CustomerProfileUpdated;
import dev.polyshop.customer.CustomerEvents.CustomerRegistered;
import dev.polyshop.customer.Money;
import dev.polyshop.customer.config.CustomerConfig;
import dev.polyshop.customer.repository.CustomerRepository;
import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.AppendResult;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.eventstore.client.StreamConflictException;
import dev.polyshop.problems.ProblemException;

/**
 * The customers' own changes and the manager's. Each one is decided on the projection, appended expecting the version
 * the decision saw, then applied to the projection before the caller is answered.
 */
@ApplicationScoped
public class CustomerService {

    /** A change that lost a race is decided again on the newer state this often before the caller gets a 409. */
    private static final int ATTEMPTS = 3;

    private final EventStoreClient eventStore;
    private final CustomerRepository customers;
    private final CustomerProjection projection;
    private final Passwords passwords;
    private final CustomerConfig config;

    public CustomerService(EventStoreClient eventStore, CustomerRepository customers, CustomerProjection projection,
            Passwords passwords, CustomerConfig config) {
        this.eventStore = eventStore;
        this.customers = customers;
        this.projection = projection;
        this.passwords = passwords;
        this.config = config;
    }

    /**
     * Registers a customer with the default credit. The username is taken by whoever records the stream's first
     * event: the event store lets exactly one of concurrent registrations create the stream.
     */
    public Customer register(String username, String fullName, String email, String password) {
        String name = Customer.normalize(username);
        if (name.equals(Customer.normalize(config.manager().username())) || customers.exists(name)) {
            throw usernameTaken(name);
        }
        CustomerRegistered registered = new CustomerRegistered(name, fullName.strip(), email.strip(),
                passwords.hash(password), Money.of(config.defaultCredit()),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        AppendResult result;
        try {
            result = eventStore.append(AppendRequest.to(CustomerEvents.STREAM_TYPE, name).asNewStream()
                    .events(NewEvent.of(CustomerRegistered.TYPE, registered)));
        } catch (StreamConflictException e) {
            throw usernameTaken(name);
        }
        projection.applyRecorded(result.events());
        return existing(name);
    }

    public Customer get(String username) {
        return existing(Customer.normalize(username));
    }

    /** Every customer, by username; the manager is none of them. */
    public List<Customer> list() {
        return customers.findAll();
    }

    public Customer updateProfile(String username, String fullName, String email) {
        return change(username, customer -> NewEvent.of(CustomerProfileUpdated.TYPE,
                new CustomerProfileUpdated(fullName.strip(), email.strip())));
    }

    public void changePassword(String username, String currentPassword, String newPassword) {
        change(username, customer -> {
            if (!passwords.matches(currentPassword, customer.passwordHash())) {
                throw ProblemException.forbidden("the current password is wrong");
            }
            return NewEvent.of(CustomerPasswordChanged.TYPE,
                    new CustomerPasswordChanged(passwords.hash(newPassword)));
        });
    }

    /** Sets the credit to an absolute value, whatever is reserved at the moment. */
    public Customer setCredit(String username, BigDecimal credit) {
        return change(username, customer -> NewEvent.of(CreditSet.TYPE, new CreditSet(Money.of(credit))));
    }

    private Customer change(String username, Function<Customer, NewEvent> decide) {
        String name = Customer.normalize(username);
        for (int attempt = 1;; attempt++) {
            Customer customer = existing(name);
            NewEvent event = decide.apply(customer);
            AppendResult result;
            try {
                result = eventStore.append(AppendRequest.to(CustomerEvents.STREAM_TYPE, name)
                        .expectingVersion(customer.version()).events(event));
            } catch (StreamConflictException conflict) {
                if (attempt == ATTEMPTS) {
                    throw conflict;
                }
                projection.awaitVersion(name, conflict.currentVersion());
                continue;
            }
            projection.applyRecorded(result.events());
            return existing(name);
        }
    }

    private Customer existing(String username) {
        return customers.find(username).orElseThrow(() -> ProblemException.notFound("customer " + username));
    }

    private static ProblemException usernameTaken(String username) {
        return ProblemException.conflict("the username " + username + " is taken");
    }
}
