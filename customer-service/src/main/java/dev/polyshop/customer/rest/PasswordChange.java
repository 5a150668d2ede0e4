package dev.polyshop.customer.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record PasswordChange(
        @NotNull @Size(max = 200) String currentPassword,
        @NotNull @Size(min = 8, max = 200) String newPassword) {
}
