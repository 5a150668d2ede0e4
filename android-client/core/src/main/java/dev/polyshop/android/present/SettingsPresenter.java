package dev.polyshop.android.present;

import dev.polyshop.android.session.Session;

/** The settings screen: which shop the app talks to. */
public class SettingsPresenter {

    public interface View {
        void showServerAddress(String address);

        void showAddressError(String message);

        void settingsSaved();
    }

    private final Session session;
    private final View view;

    public SettingsPresenter(Session session, View view) {
        this.session = session;
        this.view = view;
    }

    public void start() {
        view.showServerAddress(session.serverAddress());
    }

    public void save(String address) {
        try {
            session.useServer(address);
        } catch (IllegalArgumentException e) {
            view.showAddressError(e.getMessage());
            return;
        }
        view.showServerAddress(session.serverAddress());
        view.settingsSaved();
    }
}
