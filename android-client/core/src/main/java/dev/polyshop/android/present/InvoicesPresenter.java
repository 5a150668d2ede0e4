package dev.polyshop.android.present;

import java.util.List;

import dev.polyshop.android.api.Invoice;
import dev.polyshop.android.api.ShopApi;
import dev.polyshop.android.session.Session;

/** My invoices, newest first: one per approved order, CREDITED once that order was cancelled. */
public class InvoicesPresenter extends ScreenPresenter<InvoicesPresenter.View> {

    public interface View extends ScreenView {
        void showInvoices(List<Invoice> invoices);
    }

    public InvoicesPresenter(ShopApi api, Session session, Tasks tasks, View view) {
        super(api, session, tasks, view);
    }

    public void start() {
        callSignedIn(api::invoices, view::showInvoices);
    }
}
