package dev.polyshop.android.screens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.Test;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.annotation.Config;

import android.content.Intent;
import android.widget.ListView;
import android.widget.TextView;
import dev.polyshop.android.R;
import dev.polyshop.android.api.Order;

/**
 * Every screen and its buttons on Android 8.0, the app's minSdk: a call to a newer API fails here at run time
 * (NoSuchMethodError), including the calls on the app's own subclasses that the build's API check cannot see.
 */
@Config(sdk = 26)
public class OldestAndroidTest extends ScreenTest {

    @Test
    public void shouldRunTheShoppersWholeJourneyOnAndroid8() {
        SettingsActivity settings = launch(SettingsActivity.class);
        type(settings, R.id.server_address, "10.0.2.2:8080");
        click(settings, R.id.save);

        RegisterActivity register = launch(RegisterActivity.class);
        type(register, R.id.username, "ada");
        type(register, R.id.full_name, "Ada Lovelace");
        type(register, R.id.email, "ada@example.org");
        type(register, R.id.password, "analytical");
        click(register, R.id.register);
        assertThat(session.isSignedIn()).isTrue();

        LoginActivity login = launch(LoginActivity.class);
        assertThat(startedScreen(login)).isEqualTo(CatalogActivity.class.getName());

        CatalogActivity catalog = launch(CatalogActivity.class);
        type(catalog, R.id.search_text, "engines");
        click(catalog, R.id.search);
        ListView products = catalog.findViewById(R.id.products);
        products.performItemClick(row(products, 0), 0, 0);
        assertThat(startedScreen(catalog)).isEqualTo(ProductActivity.class.getName());

        ProductActivity product = launch(ProductActivity.class, new Intent(RuntimeEnvironment.getApplication(),
                ProductActivity.class).putExtra(ProductActivity.EXTRA_PRODUCT_ID, "p-1"));
        type(product, R.id.quantity, "2");
        click(product, R.id.order);
        assertThat(startedScreen(product)).isEqualTo(OrdersActivity.class.getName());

        api.orderAnswers.add(Arrays.asList(
                StubShopApi.order("o-1", Order.REJECTED, "OUT_OF_STOCK", "DENIED", "PENDING"),
                StubShopApi.order("o-2", Order.APPROVED, null, "RESERVED", "RESERVED")));
        OrdersActivity orders = launch(OrdersActivity.class);
        ListView list = orders.findViewById(R.id.list);
        assertThat(((TextView) row(list, 0).findViewById(R.id.status)).getText()).hasToString("Rejected: Out of stock");
        row(list, 1).findViewById(R.id.cancel).performClick();
        idle();
        assertThat(api.calls).contains("cancelOrder o-2");

        ProfileActivity profile = launch(ProfileActivity.class);
        assertThat(text(profile, R.id.credit)).isEqualTo("Credit: 87.50");
        click(profile, R.id.save);

        InvoicesActivity invoices = launch(InvoicesActivity.class);
        assertThat(((ListView) invoices.findViewById(R.id.list)).getAdapter().getCount()).isEqualTo(1);

        click(profile, R.id.logout);
        assertThat(session.token()).isNull();
    }
}
