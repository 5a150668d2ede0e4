package dev.polyshop.product.event;

import java.math.BigDecimal;

/** The events of the {@code product} streams (one per product, id = product id). */
public final class ProductEvents {

    public static final String STREAM_TYPE = "product";

    public static final String CREATED = "ProductCreated";
    public static final String UPDATED = "ProductUpdated";
    public static final String DELETED = "ProductDeleted";
    public static final String STOCK_RESERVED = "StockReserved";
    public static final String STOCK_RESERVATION_FAILED = "StockReservationFailed";
    public static final String STOCK_RELEASED = "StockReleased";

    public static final String OUT_OF_STOCK = "OUT_OF_STOCK";
    public static final String PRODUCT_NOT_FOUND = "PRODUCT_NOT_FOUND";

    private ProductEvents() {
    }

    /** ProductCreated and ProductUpdated: every field, a full replace. */
    public record ProductDetails(String name, String description, String supplier, String categoryId, BigDecimal price,
            int unitsInStock) {
    }

    public record StockReserved(String orderId, String customer, String productId, int quantity, BigDecimal unitPrice,
            String productName) {
    }

    public record StockReservationFailed(String orderId, String customer, String productId, int quantity,
            String reason) {
    }

    public record StockReleased(String orderId, String productId, int quantity) {
    }
}
