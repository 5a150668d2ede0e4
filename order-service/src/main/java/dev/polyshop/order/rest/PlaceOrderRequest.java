package dev.polyshop.order.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** What a shopper orders. The customer is the token's subject, never a field here. */
public record PlaceOrderRequest(
        @NotNull @Pattern(regexp = UUID_PATTERN, message = "must be a product id (UUID)") String productId,
        @Min(1) @Max(100) Integer quantity) {

    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    int quantityOrDefault() {
        return quantity == null ? 1 : quantity;
    }
}
