package dev.polyshop.product;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A product as the API shows it; {@code unitsInStock} is what can still be sold. The version of its stream is not in
 * the body: it is the product's ETag, which a manager's change can send back as If-Match.
 */
public record ProductView(String id, String name, String description, String supplier, String categoryId,
        String categoryName, BigDecimal price, int unitsInStock, @JsonIgnore long version) {
}
