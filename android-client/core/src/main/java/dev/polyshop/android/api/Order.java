package dev.polyshop.android.api;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;

import org.json.JSONException;
import org.json.JSONObject;

/**
 * An order and where its saga stands: {@code status} PENDING until the stock and the credit are decided, then
 * APPROVED or REJECTED (with a {@code reason}); CANCELLED when the shopper withdrew it.
 */
public final class Order {

    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    public static final String CANCELLED = "CANCELLED";

    private final String id;
    private final String productId;
    private final String productName;
    private final int quantity;
    private final BigDecimal unitPrice;
    private final BigDecimal total;
    private final String status;
    private final String reason;
    private final String stockStatus;
    private final String creditStatus;
    private final String placedAt;
    private final List<OrderStep> history;

    public Order(String id, String productId, String productName, int quantity, BigDecimal unitPrice,
            BigDecimal total, String status, String reason, String stockStatus, String creditStatus, String placedAt,
            List<OrderStep> history) {
        this.id = id;
        this.productId = productId;
        this.productName = productName;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.total = total;
        this.status = status;
        this.reason = reason;
        this.stockStatus = stockStatus;
        this.creditStatus = creditStatus;
        this.placedAt = placedAt;
        this.history = Collections.unmodifiableList(history);
    }

    static Order from(JSONObject json) throws JSONException {
        List<OrderStep> history = json.isNull("history")
                ? Collections.<OrderStep>emptyList()
                : Json.list(json.getJSONArray("history"), OrderStep::from);
        return new Order(Json.text(json, "id"), Json.text(json, "productId"), Json.text(json, "productName"),
                json.optInt("quantity"), Json.money(json, "unitPrice"), Json.money(json, "total"),
                Json.text(json, "status"), Json.text(json, "reason"), Json.text(json, "stockStatus"),
                Json.text(json, "creditStatus"), Json.text(json, "placedAt"), history);
    }

    public String id() {
        return id;
    }

    public String productId() {
        return productId;
    }

    /** Null until the stock is reserved. */
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

    public String status() {
        return status;
    }

    /** OUT_OF_STOCK, INSUFFICIENT_CREDIT, PRODUCT_NOT_FOUND or TIMEOUT for a rejected order, else null. */
    public String reason() {
        return reason;
    }

    public String stockStatus() {
        return stockStatus;
    }

    public String creditStatus() {
        return creditStatus;
    }

    public String placedAt() {
        return placedAt;
    }

    public List<OrderStep> history() {
        return history;
    }

    public boolean isPending() { return PENDING.equals(status); }

    /** Only an order that is still pending or approved can be cancelled. */
    public boolean canCancel() {
        return PENDING.equals(status) || APPROVED.equals(status);
    }

    /** One entry of the order's history: a status it reached, when, and what happened. */
    public static final class OrderStep {

        private final String status;
        private final String at;
        private final String detail;

        public OrderStep(String status, String at, String detail) {
            this.status = status;
            this.at = at;
            this.detail = detail;
        }

        static OrderStep from(JSONObject json) {
            return new OrderStep(Json.text(json, "status"), Json.text(json, "at"), Json.text(json, "detail"));
        }

        public String status() {
            return status;
        }

        public String at() {
            return at;
        }

        public String detail() {
            return detail;
        }
    }
}
