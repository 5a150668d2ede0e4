package dev.polyshop.android.api;

import java.math.BigDecimal;

import org.json.JSONObject;

/** A shopper's record: never a password. {@code credit} is what orders can still be charged. */
public final class Customer {

    private final String username;
    private final String fullName;
    private final String email;
    private final BigDecimal credit;
    private final String createdAt;

    public Customer(String username, String fullName, String email, BigDecimal credit, String createdAt) {
        this.username = username;
        this.fullName = fullName;
        this.email = email;
        this.credit = credit;
        this.createdAt = createdAt;
    }

    static Customer from(JSONObject json) {
        return new Customer(Json.text(json, "username"), Json.text(json, "fullName"), Json.text(json, "email"),
                Json.money(json, "credit"), Json.text(json, "createdAt"));
    }

    public String username() {
        return username;
    }

    public String fullName() {
        return fullName;
    }

    public String email() {
        return email;
    }

    public BigDecimal credit() {
        return credit;
    }

    public String createdAt() {
        return createdAt;
    }
}
