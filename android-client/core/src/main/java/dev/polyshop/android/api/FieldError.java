package dev.polyshop.android.api;

/** One invalid field of a request, by its JSON name ({@code price}, {@code email}), and what is wrong with it. */
public final class FieldError {

    private final String field;
    private final String message;

    public FieldError(String field, String message) {
        this.field = field;
        this.message = message;
    }

    public String field() {
        return field;
    }

    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
