package dev.polyshop.android.present;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.polyshop.android.api.Login;
import dev.polyshop.android.api.Order;
import dev.polyshop.android.session.MemoryStore;
import dev.polyshop.android.session.Session;

/** The live orders list: asked for again while an order is pending, and not once more after. */
class OrdersPresenterTests {

    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Session session = new Session(new MemoryStore(), Clock.systemUTC());
    private final RecordingView view = new RecordingView();

    @AfterEach
    void stopThreads() {
        ui.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void shouldFollowAPendingOrderUntilItIsDecidedAndThenStop() {
        session.signIn(new Login("t", "2999-01-01T00:00:00Z", "ada", "customer"));
        List<String> statuses = new ArrayList<>(List.of(Order.PENDING, Order.PENDING, Order.REJECTED));
        AtomicInteger asked = new AtomicInteger();
        OrdersPresenter presenter = new OrdersPresenter(new FakeOrders() {
            @Override
            public List<Order> orders() {
                asked.incrementAndGet();
                String status = statuses.size() > 1 ? statuses.remove(0) : statuses.get(0);
                return Collections.singletonList(orderThatIs(status));
            }
        }, session, new Tasks(Runnable::run, ui, timer), view);

        presenter.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> view.orders != null
                && Words.status(view.orders.get(0)).equals("Rejected: Out of stock"));
        int askedWhenDecided = asked.get();
        assertThat(askedWhenDecided).isEqualTo(3);
        await().during(Duration.ofMillis(2 * OrdersPresenter.REFRESH_MILLIS + 500)).atMost(Duration.ofSeconds(5))
                .until(() -> asked.get() == askedWhenDecided);
    }

    @Test
    void shouldStopFollowingWhenTheScreenIsLeft() throws Exception {
        session.signIn(new Login("t", "2999-01-01T00:00:00Z", "ada", "customer"));
        AtomicInteger asked = new AtomicInteger();
        OrdersPresenter presenter = new OrdersPresenter(new FakeOrders() {
            @Override
            public List<Order> orders() {
                asked.incrementAndGet();
                return Collections.singletonList(orderThatIs(Order.PENDING));
            }
        }, session, new Tasks(Runnable::run, ui, timer), view);

        presenter.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> asked.get() >= 2);
        ui.submit(presenter::stop).get();
        int askedWhenLeft = asked.get();

        await().during(Duration.ofMillis(2 * OrdersPresenter.REFRESH_MILLIS + 500)).atMost(Duration.ofSeconds(5))
                .until(() -> asked.get() == askedWhenLeft);
    }

    private static Order orderThatIs(String status) {
        return new Order("o-1", "p-1", "Pen", 1, BigDecimal.ONE, BigDecimal.ONE, status,
                Order.REJECTED.equals(status) ? "OUT_OF_STOCK" : null, "PENDING", "PENDING", "2026-11-22T10:00:00Z",
                Collections.<Order.OrderStep>emptyList());
    }
}
