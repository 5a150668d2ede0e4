package dev.polyshop.customer.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record ProfileUpdate(
        @NotBlank @Size(max = 100) String fullName,
        @NotBlank @Size(max = 254) @Email(regexp = Registration.EMAIL_DOMAIN, message = Registration.EMAIL_RULE) String email) {
}
