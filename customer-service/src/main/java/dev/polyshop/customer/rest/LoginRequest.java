package dev.polyshop.customer.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record LoginRequest(
        @NotNull @Size(max = 100) String username,
        @NotNull @Size(max = 200) String password) {
}
