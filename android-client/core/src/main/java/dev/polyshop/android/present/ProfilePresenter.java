package dev.polyshop.android.present;

import dev.polyshop.android.api.ApiException;
import dev.polyshop.android.api.Customer;
import dev.polyshop.android.api.ShopApi;
import dev.polyshop.android.session.Session;

/** My profile: name, email and credit; changing the name and email, or the password; logging out. */
public class ProfilePresenter extends ScreenPresenter<ProfilePresenter.View> {

    public interface View extends FormView {
        void showProfile(Customer customer);

        void showSaved(String message);
    }

    public ProfilePresenter(ShopApi api, Session session, Tasks tasks, View view) {
        super(api, session, tasks, view);
    }

    public void start() {
        callSignedIn(api::me, view::showProfile);
    }

    public void save(String fullName, String email) {
        view.clearFieldErrors();
        callSignedIn(() -> api.updateMe(fullName.trim(), email.trim()), customer -> {
            view.showProfile(customer);
            view.showSaved("Profile saved.");
        });
    }

    public void changePassword(String currentPassword, String newPassword) {
        view.clearFieldErrors();
        boolean complete = Forms.required(view, "currentPassword", currentPassword)
                & Forms.required(view, "newPassword", newPassword);
        if (!complete) {
            return;
        }
        callSignedIn(() -> {
            api.changePassword(currentPassword, newPassword);
            return Boolean.TRUE;
        }, changed -> view.showSaved("Password changed."));
    }

    public void logout() {
        session.signOut();
        view.openLogin(null);
    }

    @Override
    protected void failed(ApiException problem) {
        if (problem.status() == 403) {
            view.showFieldError("currentPassword", "This is not your current password.");
            view.showError("This is not your current password.");
            return;
        }
        super.failed(problem);
    }
}
