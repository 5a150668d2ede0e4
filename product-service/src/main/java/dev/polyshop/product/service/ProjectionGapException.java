package dev.polyshop.product.service;

/** An event came before one it follows; it is delivered again later, when the earlier one has been applied. */
public class ProjectionGapException extends RuntimeException {

    public ProjectionGapException(String message) {
        super(message);
    }
}
