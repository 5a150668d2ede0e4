package dev.polyshop.customer;

/** The roles a token carries in its {@code groups} claim. */
public final class Roles {

    public static final String CUSTOMER = "customer";
    public static final String MANAGER = "manager";

    private Roles() {
    }
}
