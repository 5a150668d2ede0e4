package dev.polyshop.android.api;

import java.util.List;

/**
 * The shopper's side of Polyshop's public API (API.md). Every call blocks: call it off the UI thread.
 *
 * @throws ApiException from every call that does not succeed
 */
public interface ShopApi {

    Customer register(String username, String fullName, String email, String password);

    Login login(String username, String password);

    Customer me();

    Customer updateMe(String fullName, String email);

    void changePassword(String currentPassword, String newPassword);

    List<Category> categories();

    /** Products by name, in one category and/or matching a name search; null or blank means no filter. */
    List<Product> products(String categoryId, String search);

    Product product(String id);

    /** Places the order; the answer is usually still PENDING: follow it with {@link #order}. */
    Order placeOrder(String productId, int quantity);

    /** The shopper's orders, newest first. */
    List<Order> orders();

    Order order(String id);

    Order cancelOrder(String id);

    /** The shopper's invoices, newest first. */
    List<Invoice> invoices();
}
