package dev.polyshop.android.present;

import dev.polyshop.android.api.ApiException;
import dev.polyshop.android.api.ShopApi;
import dev.polyshop.android.session.Session;

/** Registration, then a login with the same password, which is not kept afterwards. */
public class RegisterPresenter extends ScreenPresenter<RegisterPresenter.View> {

    public interface View extends FormView {
        void openCatalog();
    }

    public RegisterPresenter(ShopApi api, Session session, Tasks tasks, View view) {
        super(api, session, tasks, view);
    }

    public void register(String username, String fullName, String email, String password) {
        view.clearFieldErrors();
        call(() -> {
            api.register(username.trim(), fullName.trim(), email.trim(), password);
            return api.login(username.trim(), password);
        }, login -> {
            session.signIn(login);
            view.openCatalog();
        });
    }

    @Override
    protected void failed(ApiException problem) {
        if (problem.status() == 409) {
            view.showFieldError("username", "This username is taken; choose another one.");
            view.showError("This username is taken.");
            return;
        }
        super.failed(problem);
    }
}
