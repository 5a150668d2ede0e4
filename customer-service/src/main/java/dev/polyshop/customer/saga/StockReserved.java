package dev.polyshop.customer.saga;

import java.math.BigDecimal;

import dev.polyshop.customer.Money;
import dev.polyshop.eventstore.client.MalformedMessageException;

/** product-service's event, read tolerantly: only the fields the credit decision needs. */
public record StockReserved(String orderId, String customer, String productId, Integer quantity,
        BigDecimal unitPrice) {

    public static final String ROUTING_KEY = "product.StockReserved";

    /** What the order costs: quantity × unit price, exact to the cent. */
    public BigDecimal total() {
        if (orderId == null || customer == null || quantity == null || quantity < 1 || unitPrice == null
                || unitPrice.signum() < 0) {
            throw new MalformedMessageException("StockReserved without order, customer, quantity or unit price");
        }
        try {
            return Money.of(unitPrice.multiply(BigDecimal.valueOf(quantity)));
        } catch (ArithmeticException e) {
            throw new MalformedMessageException("StockReserved with a unit price finer than cents", e);
        }
    }
}
