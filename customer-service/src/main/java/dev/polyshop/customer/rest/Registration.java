package dev.polyshop.customer.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.polyshop.customer.Customer;

public record Registration(
        @NotNull @Pattern(regexp = Customer.USERNAME_PATTERN, message = USERNAME_RULE) String username,
        @NotBlank @Size(max = 100) String fullName,
        @NotBlank @Size(max = 254) @Email(regexp = EMAIL_DOMAIN, message = EMAIL_RULE) String email,
        @NotNull @Size(min = 8, max = 200) String password) {

    static final String USERNAME_RULE = "must be 3 to 32 characters of a-z, 0-9, '_', '.' and '-'";
    static final String EMAIL_RULE = "must be a valid email address";
    /** On top of @Email's own rules: a domain with a dot, as every address a shop can mail to has. */
    static final String EMAIL_DOMAIN = ".+@[^@]+\\.[^@]+";
}
