package dev.polyshop.android.present;

/** Checks a screen makes before it asks the shop; the shop checks everything again. */
final class Forms {

    private Forms() {
    }

    static boolean required(FormView view, String field, String value) {
        if (value == null || value.trim().isEmpty()) {
            view.showFieldError(field, "required");
            return false;
        }
        return true;
    }
}
