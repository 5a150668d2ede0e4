package dev.polyshop.android.api;

import java.math.BigDecimal;

import org.json.JSONObject;

/** An invoice of an approved order; CREDITED once that order was cancelled. */
public final class Invoice {

    private final String id;
    private final String number;
    private final String orderId;
    private final String productName;
    private final int quantity;
    private final BigDecimal unitPrice;
    private final BigDecimal total;
    private final String issuedAt;
    private final String status;

    public Invoice(String id, String number, String orderId, String productName, int quantity, BigDecimal unitPrice,
            BigDecimal total, String issuedAt, String status) {
        this.id = id;
        this.number = number;
        this.orderId = orderId;
        this.productName = productName;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.total = total;
        this.issuedAt = issuedAt;
        this.status = status;
    }

    static Invoice from(JSONObject json) {
        return new Invoice(Json.text(json, "id"), Json.text(json, "number"), Json.text(json, "orderId"),
                Json.text(json, "productName"), json.optInt("quantity"), Json.money(json, "unitPrice"),
                Json.money(json, "total"), Json.text(json, "issuedAt"), Json.text(json, "status"));
    }

    public String id() {
        return id;
    }

    public String number() {
        return number;
    }

    public String orderId() {
        return orderId;
    }

    public String productName() {
        return productName;
    }

    public int quantity() {
        return quantity;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }

    public BigDecimal total() {
        return total;
    }

    public String issuedAt() {
        return issuedAt;
    }

    public String status() {
        return status;
    }

    public boolean isCredited() { return "CREDITED".equals(status); }
}
