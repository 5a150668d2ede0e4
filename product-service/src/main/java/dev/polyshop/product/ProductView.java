package dev.polyshop.product;

import java.math.BigDecimal;

/** A product as the API shows it; {@code unitsInStock} is what can still be sold. */
public record ProductView(String id, String name, String description, String supplier, String categoryId,
        String categoryName, BigDecimal price, int unitsInStock) {
}
