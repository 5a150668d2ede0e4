package dev.polyshop.product.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of POST and PUT /api/categories. */
public record CategoryRequest(@NotBlank @Size(max = 100) String name) {
}
