package dev.polyshop.android.present;

import dev.polyshop.android.api.ApiException;
import dev.polyshop.android.api.Login;
import dev.polyshop.android.api.ShopApi;
import dev.polyshop.android.session.Session;

/** The login screen: a shopper with a valid token goes straight to the catalog; the password is never kept. */
public class LoginPresenter extends ScreenPresenter<LoginPresenter.View> {

    public interface View extends FormView {
        void openCatalog();
    }

    public LoginPresenter(ShopApi api, Session session, Tasks tasks, View view) {
        super(api, session, tasks, view);
    }

    public void start() {
        if (session.isSignedIn()) {
            view.openCatalog();
        }
    }

    public void login(String username, String password) {
        view.clearFieldErrors();
        boolean complete = Forms.required(view, "username", username) & Forms.required(view, "password", password);
        if (!complete) {
            return;
        }
        call(() -> api.login(username.trim(), password), this::loggedIn);
    }

    private void loggedIn(Login login) {
        if (!"customer".equals(login.role())) {
            view.showError("This app is for shoppers. Managers use the admin site.");
            return;
        }
        session.signIn(login);
        view.openCatalog();
    }

    @Override
    protected void failed(ApiException problem) {
        view.showError(problem.status() == 401 ? "Wrong username or password." : problem.describe());
    }
}
