package dev.polyshop.product.rest;

import java.math.BigDecimal;
import java.util.Locale;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.polyshop.product.event.ProductEvents.ProductDetails;

/** The body of POST and PUT /api/products: every field, a full replace. */
public record ProductRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @Size(max = 200) String supplier,
        @NotNull @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String categoryId,
        @NotNull @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 10, fraction = 2, message = "must have at most two decimals") BigDecimal price,
        @NotNull @Min(value = 0, message = "must not be negative") Integer unitsInStock) {

    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    /** The product's details as recorded: trimmed text, canonical id, and money with exactly two decimals. */
    ProductDetails details() {
        return new ProductDetails(name.strip(), optional(description), optional(supplier),
                categoryId.toLowerCase(Locale.ROOT), price.setScale(2), unitsInStock);
    }

    private static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
