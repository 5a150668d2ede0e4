package dev.polyshop.android.screens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;
import org.robolectric.RuntimeEnvironment;

import android.content.Intent;
import android.widget.EditText;
import dev.polyshop.android.R;

public class ProductScreenTest extends ScreenTest {

    @Test
    public void shouldShowTheProduct() {
        ProductActivity screen = open("p-1");

        assertThat(text(screen, R.id.name)).isEqualTo("Engines of Logic");
        assertThat(text(screen, R.id.category)).isEqualTo("Books");
        assertThat(text(screen, R.id.price)).isEqualTo("12.50");
        assertThat(text(screen, R.id.stock)).isEqualTo("7 in stock");
        assertThat(text(screen, R.id.description)).isEqualTo("A history of computing");
        assertThat(text(screen, R.id.supplier)).isEqualTo("Supplied by Acme");
    }

    @Test
    public void shouldOrderTheQuantityGivenAndFollowTheOrder() {
        signIn();
        ProductActivity screen = open("p-1");
        type(screen, R.id.quantity, "2");

        click(screen, R.id.order);

        assertThat(services.presenterCalls).containsExactly("order 2");
        assertThat(api.calls).endsWith("placeOrder p-1 2");
        assertThat(startedScreen(screen)).isEqualTo(OrdersActivity.class.getName());
    }

    @Test
    public void shouldRefuseAQuantityOutOfRange() {
        signIn();
        ProductActivity screen = open("p-1");
        type(screen, R.id.quantity, "101");

        click(screen, R.id.order);

        assertThat(((EditText) screen.findViewById(R.id.quantity)).getError()).hasToString("from 1 to 100");
        assertThat(api.calls).doesNotContain("placeOrder p-1 101");
    }

    @Test
    public void shouldSendAShopperWhoIsNotLoggedInToTheLogin() {
        ProductActivity screen = open("p-1");

        click(screen, R.id.order);

        assertThat(startedScreen(screen)).isEqualTo(LoginActivity.class.getName());
        assertThat(api.calls).containsExactly("product p-1");
    }

    private static ProductActivity open(String productId) {
        return launch(ProductActivity.class, new Intent(RuntimeEnvironment.getApplication(), ProductActivity.class)
                .putExtra(ProductActivity.EXTRA_PRODUCT_ID, productId));
    }
}
