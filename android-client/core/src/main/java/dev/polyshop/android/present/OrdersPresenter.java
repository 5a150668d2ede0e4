package dev.polyshop.android.present;

import java.util.List;
import java.util.concurrent.Future;

import dev.polyshop.android.api.Order;
import dev.polyshop.android.api.ShopApi;
import dev.polyshop.android.session.Session;

/**
 * My orders, live: while one of them is still pending, the list is asked for again every second, so each step of the
 * saga shows up as it happens, down to the approval or the rejection with its reason. Polling stops when nothing is
 * pending any more, or when the screen is left.
 */
public class OrdersPresenter extends ScreenPresenter<OrdersPresenter.View> {

    public static final long REFRESH_MILLIS = 1_000;

    public interface View extends ScreenView {
        void showOrders(List<Order> orders);
    }

    private Future<?> refresh;
    private boolean started;

    public OrdersPresenter(ShopApi api, Session session, Tasks tasks, View view) {
        super(api, session, tasks, view);
    }

    public void start() {
        started = true;
        load();
    }

    public void stop() {
        started = false;
        if (refresh != null) {
            refresh.cancel(false);
            refresh = null;
        }
    }

    public void cancel(Order order) {
        callSignedIn(() -> api.cancelOrder(order.id()), cancelled -> load());
    }

    private void load() {
        callSignedIn(api::orders, this::show);
    }

    private void show(List<Order> orders) {
        view.showOrders(orders);
        if (started && anyPending(orders)) {
            if (refresh != null) {
                refresh.cancel(false);
            }
            refresh = tasks.later(() -> {
                if (started) {
                    load();
                }
            }, REFRESH_MILLIS);
        }
    }

    private static boolean anyPending(List<Order> orders) {
        for (Order order : orders) {
            if (order.isPending()) {
                return true;
            }
        }
        return false;
    }
}
