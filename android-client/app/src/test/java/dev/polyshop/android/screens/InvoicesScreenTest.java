package dev.polyshop.android.screens;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Collections;

import org.junit.Test;

import android.widget.ListView;
import android.widget.TextView;
import dev.polyshop.android.R;
import dev.polyshop.android.api.Invoice;

public class InvoicesScreenTest extends ScreenTest {

    @Test
    public void shouldListTheInvoices() {
        signIn();

        InvoicesActivity screen = launch(InvoicesActivity.class);

        ListView list = screen.findViewById(R.id.list);
        assertThat(list.getAdapter().getCount()).isEqualTo(1);
        assertThat(((TextView) row(list, 0).findViewById(R.id.number)).getText()).hasToString("INV-2026-000001");
        assertThat(((TextView) row(list, 0).findViewById(R.id.details)).getText().toString())
                .startsWith("2 × Engines of Logic at 12.50 = 25.00");
    }

    @Test
    public void shouldMarkACreditedInvoice() {
        signIn();
        api.invoices = Collections.singletonList(new Invoice("i-2", "INV-2026-000002", "o-2", "Go board", 1,
                new BigDecimal("40"), new BigDecimal("40"), "2026-11-22T11:00:00Z", "CREDITED"));

        InvoicesActivity screen = launch(InvoicesActivity.class);

        ListView list = screen.findViewById(R.id.list);
        assertThat(((TextView) row(list, 0).findViewById(R.id.number)).getText())
                .hasToString("INV-2026-000002 · credited");
    }

    @Test
    public void shouldSayWhenThereAreNone() {
        signIn();
        api.invoices = Collections.emptyList();

        InvoicesActivity screen = launch(InvoicesActivity.class);

        assertThat(shown(screen, R.id.empty)).isTrue();
        assertThat(text(screen, R.id.empty)).isEqualTo("No invoices yet.");
    }
}
