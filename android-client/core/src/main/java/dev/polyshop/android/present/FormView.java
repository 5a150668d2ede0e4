package dev.polyshop.android.present;

/** A screen with input fields, named as the API names them ({@code email}, {@code quantity}). */
public interface FormView extends ScreenView {

    void clearFieldErrors();

    void showFieldError(String field, String message);
}
