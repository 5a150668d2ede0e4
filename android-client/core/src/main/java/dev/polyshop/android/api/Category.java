package dev.polyshop.android.api;

import org.json.JSONObject;

public final class Category {

    private final String id;
    private final String name;
    private final int productCount;

    public Category(String id, String name, int productCount) {
        this.id = id;
        this.name = name;
        this.productCount = productCount;
    }

    static Category from(JSONObject json) {
        return new Category(Json.text(json, "id"), Json.text(json, "name"), json.optInt("productCount"));
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public int productCount() {
        return productCount;
    }
}
