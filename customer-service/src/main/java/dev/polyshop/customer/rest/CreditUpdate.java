package dev.polyshop.customer.rest;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/** The new credit, an absolute amount. */
public record CreditUpdate(
        @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal credit) {
}
