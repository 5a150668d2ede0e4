package dev.polyshop.android.present;

import java.util.List;

import dev.polyshop.android.api.Category;
import dev.polyshop.android.api.Customer;
import dev.polyshop.android.api.Invoice;
import dev.polyshop.android.api.Login;
import dev.polyshop.android.api.Order;
import dev.polyshop.android.api.Product;
import dev.polyshop.android.api.ShopApi;

/** An API whose every call fails the test, but the orders calls a test overrides. */
abstract class FakeOrders implements ShopApi {

    private static UnsupportedOperationException notHere() {
        return new UnsupportedOperationException("not expected in this test");
    }

    @Override
    public Customer register(String username, String fullName, String email, String password) {
        throw notHere();
    }

    @Override
    public Login login(String username, String password) {
        throw notHere();
    }

    @Override
    public Customer me() {
        throw notHere();
    }

    @Override
    public Customer updateMe(String fullName, String email) {
        throw notHere();
    }

    @Override
    public void changePassword(String currentPassword, String newPassword) {
        throw notHere();
    }

    @Override
    public List<Category> categories() {
        throw notHere();
    }

    @Override
    public List<Product> products(String categoryId, String search) {
        throw notHere();
    }

    @Override
    public Product product(String id) {
        throw notHere();
    }

    @Override
    public Order placeOrder(String productId, int quantity) {
        throw notHere();
    }

    @Override
    public List<Order> orders() {
        throw notHere();
    }

    @Override
    public Order order(String id) {
        throw notHere();
    }

    @Override
    public Order cancelOrder(String id) {
        throw notHere();
    }

    @Override
    public List<Invoice> invoices() {
        throw notHere();
    }
}
