package dev.polyshop.product.event;

import java.math.BigDecimal;

/**
 * The events of the {@code product} streams (one per product, id = product id), and of the {@code missing-product}
 * streams (one per order for a product that never existed, id = order id).
 */
public final class ProductEvents {

    public static final String STREAM_TYPE = "product";
    /**
     * Where an order for a product that never existed is refused (StockReservationFailed PRODUCT_NOT_FOUND). A product
     * stream is only ever started by ProductCreated: the id in an order is the shopper's to choose (any UUID, a
     * category's, one another stream type derives), and refusing it on a product stream of that id would let a shopper
     * create product streams at will.
     */
    public static final String MISSING_PRODUCT_STREAM_TYPE = "missing-product";

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
