package dev.polyshop.android.present;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.polyshop.android.api.Customer;
import dev.polyshop.android.api.Order;
import dev.polyshop.android.api.Product;

/** Every screen's view at once, keeping what the presenters showed and where they sent the shopper. */
public class RecordingView
        implements
            LoginPresenter.View,
            OrdersPresenter.View,
            ProductPresenter.View,
            ProfilePresenter.View {

    public final List<String> events = new CopyOnWriteArrayList<>();
    public volatile List<Order> orders;
    public volatile int ordersShown;
    public volatile Customer profile;

    @Override
    public void showBusy(boolean busy) {
        // not followed here
    }

    @Override
    public void showError(String message) {
        events.add("error " + message);
    }

    @Override
    public void openLogin(String reason) {
        events.add("login " + reason);
    }

    @Override
    public void clearFieldErrors() {
        // nothing kept
    }

    @Override
    public void showFieldError(String field, String message) {
        events.add("field " + field + " " + message);
    }

    @Override
    public void openCatalog() {
        events.add("catalog");
    }

    @Override
    public void showOrders(List<Order> shown) {
        orders = shown;
        ordersShown++;
    }

    @Override
    public void showProduct(Product product) {
        events.add("product " + product.name());
    }

    @Override
    public void openOrders(String placedOrderId) {
        events.add("orders " + placedOrderId);
    }

    @Override
    public void showProfile(Customer customer) {
        profile = customer;
    }

    @Override
    public void showSaved(String message) {
        events.add("saved " + message);
    }
}
