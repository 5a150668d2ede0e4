package dev.polyshop.android.api;

import java.math.BigDecimal;

import org.json.JSONObject;

/** A product as the catalog shows it; {@code unitsInStock} is what can still be ordered. */
public final class Product {

    private final String id;
    private final String name;
    private final String description;
    private final String supplier;
    private final String categoryId;
    private final String categoryName;
    private final BigDecimal price;
    private final int unitsInStock;

    public Product(String id, String name, String description, String supplier, String categoryId,
            String categoryName, BigDecimal price, int unitsInStock) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.supplier = supplier;
        this.categoryId = categoryId;
        this.categoryName = categoryName;
        this.price = price;
        this.unitsInStock = unitsInStock;
    }

    static Product from(JSONObject json) {
        return new Product(Json.text(json, "id"), Json.text(json, "name"), Json.text(json, "description"),
                Json.text(json, "supplier"), Json.text(json, "categoryId"), Json.text(json, "categoryName"),
                Json.money(json, "price"), json.optInt("unitsInStock"));
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String supplier() {
        return supplier;
    }

    public String categoryId() {
        return categoryId;
    }

    public String categoryName() {
        return categoryName;
    }

    public BigDecimal price() {
        return price;
    }

    public int unitsInStock() {
        return unitsInStock;
    }

    public boolean inStock() {
        return unitsInStock > 0;
    }
}
