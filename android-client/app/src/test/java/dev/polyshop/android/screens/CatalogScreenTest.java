package dev.polyshop.android.screens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

import android.widget.ListView;
import android.widget.Spinner;
import android.widget.TextView;
import dev.polyshop.android.R;
import dev.polyshop.android.api.ApiException;

public class CatalogScreenTest extends ScreenTest {

    @Test
    public void shouldShowTheCategoriesAndTheProducts() {
        CatalogActivity screen = launch(CatalogActivity.class);

        Spinner categories = screen.findViewById(R.id.categories);
        assertThat(categories.getAdapter().getCount()).isEqualTo(3);
        assertThat(categories.getAdapter().getItem(0)).isEqualTo("All categories");
        assertThat(categories.getAdapter().getItem(1)).isEqualTo("Books (1)");
        ListView products = screen.findViewById(R.id.products);
        assertThat(products.getAdapter().getCount()).isEqualTo(2);
        assertThat(((TextView) row(products, 0).findViewById(R.id.name)).getText()).hasToString("Engines of Logic");
        assertThat(((TextView) row(products, 0).findViewById(R.id.details)).getText())
                .hasToString("Books · 12.50 · 7 in stock");
        assertThat(((TextView) row(products, 1).findViewById(R.id.details)).getText())
                .hasToString("Games · 40.00 · out of stock");
    }

    @Test
    public void shouldSearchByName() {
        CatalogActivity screen = launch(CatalogActivity.class);
        type(screen, R.id.search_text, "engines");

        click(screen, R.id.search);

        assertThat(services.presenterCalls).containsExactly("search engines");
        assertThat(api.calls).endsWith("products null engines");
    }

    @Test
    public void shouldBrowseACategory() {
        CatalogActivity screen = launch(CatalogActivity.class);
        Spinner categories = screen.findViewById(R.id.categories);

        categories.setSelection(2);
        idle();

        assertThat(services.presenterCalls).containsExactly("selectCategory c-2");
        assertThat(api.calls).endsWith("products c-2 null");
    }

    @Test
    public void shouldOpenAProduct() {
        CatalogActivity screen = launch(CatalogActivity.class);
        ListView products = screen.findViewById(R.id.products);

        products.performItemClick(row(products, 1), 1, 1);

        assertThat(services.presenterCalls).containsExactly("chooseProduct p-2");
        assertThat(startedScreen(screen)).isEqualTo(ProductActivity.class.getName());
    }

    @Test
    public void shouldSayWhenTheShopCannotBeReached() {
        api.failure = ApiException.unreachable("http://10.0.2.2:8080", null);

        CatalogActivity screen = launch(CatalogActivity.class);

        assertThat(text(screen, R.id.error)).isEqualTo(
                "Cannot reach the shop at http://10.0.2.2:8080. Check the server address in Settings.");
    }

    @Test
    public void shouldOpenOrdersInvoicesAndProfile() {
        CatalogActivity screen = launch(CatalogActivity.class);

        click(screen, R.id.orders);
        assertThat(startedScreen(screen)).isEqualTo(OrdersActivity.class.getName());
        click(screen, R.id.invoices);
        assertThat(startedScreen(screen)).isEqualTo(InvoicesActivity.class.getName());
        click(screen, R.id.profile);
        assertThat(startedScreen(screen)).isEqualTo(ProfileActivity.class.getName());
    }
}
