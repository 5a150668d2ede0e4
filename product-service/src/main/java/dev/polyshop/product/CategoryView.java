package dev.polyshop.product;

/** A category as the API shows it. */
public record CategoryView(String id, String name, long productCount) {
}
