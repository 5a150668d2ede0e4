package dev.polyshop.android.screens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;

import org.junit.Test;

import android.view.View;
import android.widget.ListView;
import android.widget.TextView;
import dev.polyshop.android.R;
import dev.polyshop.android.api.Login;
import dev.polyshop.android.api.Order;

public class OrdersScreenTest extends ScreenTest {

    @Test
    public void shouldGiveTheReasonOfARejectionInWords() {
        signIn();
        api.orderAnswers.add(Arrays.asList(
                StubShopApi.order("o-1", Order.REJECTED, "OUT_OF_STOCK", "DENIED", "PENDING"),
                StubShopApi.order("o-2", Order.REJECTED, "INSUFFICIENT_CREDIT", "RELEASED", "DENIED"),
                StubShopApi.order("o-3", Order.APPROVED, null, "RESERVED", "RESERVED")));

        OrdersActivity screen = launch(OrdersActivity.class);

        ListView list = screen.findViewById(R.id.list);
        assertThat(status(list, 0)).isEqualTo("Rejected: Out of stock");
        assertThat(status(list, 1)).isEqualTo("Rejected: Not enough credit");
        assertThat(status(list, 2)).isEqualTo("Approved");
        assertThat(colour(list, 1)).isEqualTo(screen.getColor(R.color.bad));
        assertThat(colour(list, 2)).isEqualTo(screen.getColor(R.color.good));
        assertThat(shown(row(list, 0), R.id.cancel)).isFalse();
        assertThat(shown(row(list, 2), R.id.cancel)).isTrue();
        assertThat(((TextView) row(list, 0).findViewById(R.id.title)).getText())
                .hasToString("2 × Engines of Logic · 25.00");
    }

    @Test
    public void shouldFollowAPendingOrderLiveUntilItIsDecided() {
        signIn();
        api.orderAnswers.add(Collections.singletonList(
                StubShopApi.order("o-1", Order.PENDING, null, "PENDING", "PENDING")));
        api.orderAnswers.add(Collections.singletonList(
                StubShopApi.order("o-1", Order.PENDING, null, "RESERVED", "PENDING")));
        api.orderAnswers.add(Collections.singletonList(
                StubShopApi.order("o-1", Order.APPROVED, null, "RESERVED", "RESERVED")));

        OrdersActivity screen = launch(OrdersActivity.class);
        ListView list = screen.findViewById(R.id.list);
        assertThat(status(list, 0)).isEqualTo("Pending: reserving stock");

        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> {
            idle();
            return status(list, 0).equals("Pending: stock reserved, checking credit");
        });
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> {
            idle();
            return status(list, 0).equals("Approved");
        });
    }

    @Test
    public void shouldCancelAnOrder() {
        signIn();
        api.orderAnswers.add(Collections.singletonList(
                StubShopApi.order("o-1", Order.APPROVED, null, "RESERVED", "RESERVED")));
        api.orderAnswers.add(Collections.singletonList(
                StubShopApi.order("o-1", Order.CANCELLED, null, "RELEASED", "RELEASED")));
        OrdersActivity screen = launch(OrdersActivity.class);
        ListView list = screen.findViewById(R.id.list);

        row(list, 0).findViewById(R.id.cancel).performClick();
        idle();

        assertThat(services.presenterCalls).containsExactly("cancel o-1");
        assertThat(api.calls).contains("cancelOrder o-1");
        assertThat(status(list, 0)).isEqualTo("Cancelled");
    }

    @Test
    public void shouldSendAnExpiredSessionBackToTheLogin() {
        session.signIn(new Login("old", "2020-01-01T00:00:00Z", "ada", "customer"));

        OrdersActivity screen = launch(OrdersActivity.class);

        assertThat(startedScreen(screen)).isEqualTo(LoginActivity.class.getName());
        assertThat(api.calls).isEmpty();
        assertThat(session.token()).isNull();
    }

    @Test
    public void shouldSendARefusedTokenBackToTheLogin() {
        signIn();
        api.failure = StubShopApi.problem(401);

        OrdersActivity screen = launch(OrdersActivity.class);

        assertThat(startedScreen(screen)).isEqualTo(LoginActivity.class.getName());
        assertThat(session.token()).isNull();
    }

    private static String status(ListView list, int position) {
        return ((TextView) row(list, position).findViewById(R.id.status)).getText().toString();
    }

    private static int colour(ListView list, int position) {
        return ((TextView) row(list, position).findViewById(R.id.status)).getCurrentTextColor();
    }

    private static boolean shown(View row, int id) {
        return row.findViewById(id).getVisibility() == View.VISIBLE;
    }
}
