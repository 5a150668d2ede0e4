package dev.polyshop.android.present;

/** What every screen can show: that it is busy, an error in words, and the way back to the login. */
public interface ScreenView {

    void showBusy(boolean busy);

    void showError(String message);

    /** The shopper is not (or no longer) logged in: the login screen, with why (null: no reason to give). */
    void openLogin(String reason);
}
