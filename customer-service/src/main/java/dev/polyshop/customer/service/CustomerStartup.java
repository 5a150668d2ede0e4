package dev.polyshop.customer.service;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.polyshop.customer.repository.CustomerRepository;
import io.quarkus.runtime.StartupEvent;

/**
 * Brings the service up without losing an event: the queues first (so events wait in them), then a replay of the log
 * if Redis is empty, and only then consumption.
 */
@ApplicationScoped
public class CustomerStartup {

    private static final Logger LOG = Logger.getLogger(CustomerStartup.class);

    private final EventConsumers consumers;
    private final CustomerRepository customers;
    private final RebuildService rebuild;

    public CustomerStartup(EventConsumers consumers, CustomerRepository customers, RebuildService rebuild) {
        this.consumers = consumers;
        this.customers = customers;
        this.rebuild = rebuild;
    }

    void onStart(@Observes StartupEvent start) throws IOException {
        consumers.declare();
        if (customers.isEmpty()) {
            LOG.info("Redis holds no customer data: replaying the event store");
            rebuild.replayIntoEmpty();
        }
        consumers.start();
    }
}
