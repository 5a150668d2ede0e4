package dev.polyshop.customer.rest;

import java.math.BigDecimal;
import java.time.Instant;

import dev.polyshop.customer.Customer;

/** A customer as the API shows it: never a password or its hash. */
public record CustomerView(String username, String fullName, String email, BigDecimal credit, Instant createdAt) {

    static CustomerView of(Customer customer) {
        return new CustomerView(customer.username(), customer.fullName(), customer.email(), customer.credit(),
                customer.createdAt());
    }
}
