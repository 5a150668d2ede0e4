package dev.polyshop.android.screens;

import java.time.ZoneId;
import java.util.List;

import android.os.Bundle;
import android.view.View;
import android.widget.ListView;
import android.widget.TextView;
import dev.polyshop.android.R;
import dev.polyshop.android.api.Invoice;
import dev.polyshop.android.present.InvoicesPresenter;
import dev.polyshop.android.present.Words;

public class InvoicesActivity extends ShopActivity implements InvoicesPresenter.View {

    private InvoicesPresenter presenter;
    private RowAdapter<Invoice> invoices;

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        setContentView(R.layout.activity_list);
        presenter = services().invoices(this);
        invoices = new RowAdapter<>(this, R.layout.item_invoice, (row, invoice) -> {
            ((TextView) row.findViewById(R.id.number)).setText(invoice.number()
                    + (invoice.isCredited() ? " · credited" : ""));
            ((TextView) row.findViewById(R.id.details)).setText(invoice.quantity() + " × " + invoice.productName()
                    + " at " + Words.money(invoice.unitPrice()) + " = " + Words.money(invoice.total()) + "\n"
                    + Words.time(invoice.issuedAt(), ZoneId.systemDefault()));
        });
        ((ListView) findViewById(R.id.list)).setAdapter(invoices);
        ((TextView) findViewById(R.id.empty)).setText(R.string.no_invoices);
        presenter.start();
    }

    @Override
    public void showInvoices(List<Invoice> loaded) {
        invoices.show(loaded);
        findViewById(R.id.empty).setVisibility(loaded.isEmpty() ? View.VISIBLE : View.GONE);
    }
}
