package dev.polyshop.android.present;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import dev.polyshop.android.api.ApiException;
import dev.polyshop.android.api.FieldError;
import dev.polyshop.android.api.ShopApi;
import dev.polyshop.android.session.Session;

/**
 * What the presenters share: calls of the API off the UI thread with the screen busy meanwhile, the session that
 * ended (no token, an expired one, or a 401) sending the shopper back to the login, and errors shown in words.
 */
public abstract class ScreenPresenter<V extends ScreenView> {

    static final String SESSION_ENDED = "Your session has ended. Please log in again.";

    protected final ShopApi api;
    protected final Session session;
    protected final Tasks tasks;
    protected final V view;

    protected ScreenPresenter(ShopApi api, Session session, Tasks tasks, V view) {
        this.api = api;
        this.session = session;
        this.tasks = tasks;
        this.view = view;
    }

    /** A call anyone may make (the catalog, registration, login): a 401 is an answer like any other. */
    protected <T> void call(Callable<T> work, Consumer<T> done) {
        run(work, done, false);
    }

    /** A call for the logged-in shopper: without a valid token, or when the shop refuses it, back to the login. */
    protected <T> void callSignedIn(Callable<T> work, Consumer<T> done) {
        if (!session.isSignedIn()) {
            sessionEnded();
            return;
        }
        run(work, done, true);
    }

    private <T> void run(Callable<T> work, Consumer<T> done, boolean signedIn) {
        view.showBusy(true);
        tasks.run(work, result -> {
            view.showBusy(false);
            done.accept(result);
        }, problem -> {
            view.showBusy(false);
            if (signedIn && problem.needsLogin()) {
                sessionEnded();
            } else {
                failed(problem);
            }
        });
    }

    /** Shows what went wrong; field errors next to their fields where the screen has them. */
    protected void failed(ApiException problem) {
        if (view instanceof FormView && !problem.fieldErrors().isEmpty()) {
            FormView form = (FormView) view;
            form.clearFieldErrors();
            for (FieldError error : problem.fieldErrors()) {
                form.showFieldError(error.field(), error.message());
            }
        }
        view.showError(problem.describe());
    }

    private void sessionEnded() {
        boolean wasSignedIn = session.token() != null;
        session.signOut();
        view.openLogin(wasSignedIn ? SESSION_ENDED : null);
    }
}
