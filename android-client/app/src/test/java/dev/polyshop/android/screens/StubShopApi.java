package dev.polyshop.android.screens;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.polyshop.android.api.ApiException;
import dev.polyshop.android.api.Category;
import dev.polyshop.android.api.Customer;
import dev.polyshop.android.api.FieldError;
import dev.polyshop.android.api.Invoice;
import dev.polyshop.android.api.Login;
import dev.polyshop.android.api.Order;
import dev.polyshop.android.api.Product;
import dev.polyshop.android.api.ShopApi;

/** The core's API with canned answers, recording what the screens asked for. */
class StubShopApi implements ShopApi {

    final List<String> calls = new CopyOnWriteArrayList<>();
    Customer customer = new Customer("ada", "Ada Lovelace", "ada@example.org", new BigDecimal("87.50"),
            "2026-11-22T10:00:00Z");
    List<Category> categories = Arrays.asList(new Category("c-1", "Books", 1), new Category("c-2", "Games", 1));
    List<Product> products = Arrays.asList(
            new Product("p-1", "Engines of Logic", "A history of computing", "Acme", "c-1", "Books",
                    new BigDecimal("12.50"), 7),
            new Product("p-2", "Go board", "19x19", "Kaya", "c-2", "Games", new BigDecimal("40.00"), 0));
    List<List<Order>> orderAnswers = new ArrayList<>();
    List<Invoice> invoices = Collections.singletonList(new Invoice("i-1", "INV-2026-000001", "o-1",
            "Engines of Logic", 2, new BigDecimal("12.50"), new BigDecimal("25.00"), "2026-11-22T10:05:00Z",
            "ISSUED"));
    ApiException failure;

    static Order order(String id, String status, String reason, String stock, String credit) {
        return new Order(id, "p-1", "Engines of Logic", 2, new BigDecimal("12.50"), new BigDecimal("25.00"), status,
                reason, stock, credit, "2026-11-22T10:00:00Z", Collections.singletonList(new Order.OrderStep(status,
                        "2026-11-22T10:00:01Z", "order " + status.toLowerCase())));
    }

    static ApiException problem(int status, FieldError... errors) {
        return new ApiException(status, "Problem", null, Arrays.asList(errors));
    }

    private void answer(String call) {
        calls.add(call);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public Customer register(String username, String fullName, String email, String password) {
        answer("register " + username);
        return customer;
    }

    @Override
    public Login login(String username, String password) {
        answer("login " + username);
        return new Login("token-of-" + username, "2999-01-01T00:00:00Z", username, "customer");
    }

    @Override
    public Customer me() {
        answer("me");
        return customer;
    }

    @Override
    public Customer updateMe(String fullName, String email) {
        answer("updateMe " + fullName + " " + email);
        return new Customer(customer.username(), fullName, email, customer.credit(), customer.createdAt());
    }

    @Override
    public void changePassword(String currentPassword, String newPassword) {
        answer("changePassword");
    }

    @Override
    public List<Category> categories() {
        answer("categories");
        return categories;
    }

    @Override
    public List<Product> products(String categoryId, String search) {
        answer("products " + categoryId + " " + search);
        return products;
    }

    @Override
    public Product product(String id) {
        answer("product " + id);
        for (Product product : products) {
            if (product.id().equals(id)) {
                return product;
            }
        }
        throw problem(404);
    }

    @Override
    public Order placeOrder(String productId, int quantity) {
        answer("placeOrder " + productId + " " + quantity);
        return order("o-new", Order.PENDING, null, "PENDING", "PENDING");
    }

    /** Each call answers the next list given, then the last one again. */
    @Override
    public List<Order> orders() {
        answer("orders");
        return orderAnswers.size() > 1 ? orderAnswers.remove(0) : orderAnswers.get(0);
    }

    @Override
    public Order order(String id) {
        answer("order " + id);
        throw problem(404);
    }

    @Override
    public Order cancelOrder(String id) {
        answer("cancelOrder " + id);
        return order(id, Order.CANCELLED, null, "RELEASED", "RELEASED");
    }

    @Override
    public List<Invoice> invoices() {
        answer("invoices");
        return invoices;
    }
}
