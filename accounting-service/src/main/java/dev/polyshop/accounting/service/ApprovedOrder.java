package dev.polyshop.accounting.service;

import java.math.BigDecimal;
import java.util.UUID;

/** What an invoice is made of: the order as it was approved. */
public record ApprovedOrder(UUID orderId, String customer, String productId, String productName, int quantity,
        BigDecimal unitPrice, BigDecimal total) {
}
