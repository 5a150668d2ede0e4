package dev.polyshop.order;

public enum OrderStatus {
    PENDING, APPROVED, REJECTED, CANCELLED;

    public boolean isFinal() { return this != PENDING; }
}
