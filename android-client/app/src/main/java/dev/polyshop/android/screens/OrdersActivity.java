package dev.polyshop.android.screens;

import java.time.ZoneId;
import java.util.List;

import android.os.Bundle;
import android.view.View;
import android.widget.ListView;
import android.widget.TextView;
import dev.polyshop.android.R;
import dev.polyshop.android.api.Order;
import dev.polyshop.android.present.OrdersPresenter;
import dev.polyshop.android.present.Words;

/**
 * My orders, newest first, each with where its saga stands in words and its history; kept live while the screen is
 * shown. An order that is pending or approved can be cancelled.
 */
public class OrdersActivity extends ShopActivity implements OrdersPresenter.View {

    static final String EXTRA_PLACED_ORDER_ID = "placedOrderId";

    private OrdersPresenter presenter;
    private RowAdapter<Order> orders;

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        setContentView(R.layout.activity_list);
        presenter = services().orders(this);
        String placed = getIntent().getStringExtra(EXTRA_PLACED_ORDER_ID);
        ZoneId zone = ZoneId.systemDefault();
        orders = new RowAdapter<>(this, R.layout.item_order, (row, order) -> {
            String title = order.quantity() + " × " + (order.productName() != null
                    ? order.productName()
                    : "product " + order.productId().substring(0, 8))
                    + (order.total() != null
                            ? " · "
                                    + Words.money(order.total())
                            : "");
            ((TextView) row.findViewById(R.id.title)).setText(order.id().equals(placed) ? "New: " + title : title);
            TextView status = row.findViewById(R.id.status);
            status.setText(Words.status(order));
            status.setTextColor(getColor(colour(Words.tone(order))));
            StringBuilder history = new StringBuilder();
            for (Order.OrderStep step : order.history()) {
                history.append(history.length() == 0 ? "" : "\n").append(Words.time(step.at(), zone)).append("  ")
                        .append(step.detail() != null ? step.detail() : step.status());
            }
            ((TextView) row.findViewById(R.id.history)).setText(history);
            View cancel = row.findViewById(R.id.cancel);
            cancel.setVisibility(order.canCancel() ? View.VISIBLE : View.GONE);
            cancel.setOnClickListener(v -> presenter.cancel(order));
        });
        ((ListView) findViewById(R.id.list)).setAdapter(orders);
        ((TextView) findViewById(R.id.empty)).setText(R.string.no_orders);
    }

    private static int colour(Words.Tone tone) {
        switch (tone) {
            case GOOD :
                return R.color.good;
            case BAD :
                return R.color.bad;
            case WAITING :
                return R.color.waiting;
            default :
                return R.color.neutral;
        }
    }

    @Override
    protected void onStart() {
        super.onStart();
        presenter.start();
    }

    @Override
    protected void onStop() {
        presenter.stop();
        super.onStop();
    }

    @Override
    public void showOrders(List<Order> loaded) {
        orders.show(loaded);
        findViewById(R.id.empty).setVisibility(loaded.isEmpty() ? View.VISIBLE : View.GONE);
    }
}
