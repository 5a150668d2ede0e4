package dev.polyshop.android.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A call that did not succeed: the server's problem+json answer, or no answer at all (status 0). Carries what the
 * screens show: the invalid fields by name, and a sentence for everything else.
 */
public class ApiException extends RuntimeException {

    /** The status of a call that got no HTTP answer (server down, wrong address, no network). */
    public static final int UNREACHABLE = 0;

    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldError> fieldErrors;

    public ApiException(int status, String title, String detail, List<FieldError> fieldErrors) {
        super(status + " " + title + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.fieldErrors = Collections.unmodifiableList(new ArrayList<>(fieldErrors));
    }

    public static ApiException unreachable(String address, Throwable cause) {
        ApiException e = new ApiException(UNREACHABLE, "Unreachable", "Cannot reach the shop at " + address
                + ". Check the server address in Settings.", Collections.<FieldError>emptyList());
        e.initCause(cause);
        return e;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** The token is missing, expired or not accepted: the shopper has to log in again. */
    public boolean needsLogin() {
        return status == 401;
    }

    /** What to tell the shopper: a sentence, or a line per invalid field ("Email: must be a valid address"). */
    public String describe() {
        switch (status) {
            case UNREACHABLE :
                return detail;
            case 401 :
                return "Please log in again.";
            case 403 :
                return detail != null ? capitalized(detail) : "That is not allowed for your account.";
            case 404 :
                return "It no longer exists.";
            case 503 :
                return "The shop is busy right now. Please try again in a moment.";
            default :
                if (status >= 500) {
                    return "Something went wrong in the shop (" + status + "). Please try again.";
                }
                if (!fieldErrors.isEmpty()) {
                    StringBuilder text = new StringBuilder();
                    for (FieldError error : fieldErrors) {
                        text.append(text.length() == 0 ? "" : "\n").append(label(error.field())).append(": ")
                                .append(error.message());
                    }
                    return text.toString();
                }
                return detail != null ? capitalized(detail) : title;
        }
    }

    /** "fullName" as "Full name": the JSON name of a field, as a label. */
    static String label(String field) {
        if (field == null || field.isEmpty()) {
            return "Input";
        }
        StringBuilder label = new StringBuilder().append(Character.toUpperCase(field.charAt(0)));
        for (int i = 1; i < field.length(); i++) {
            char c = field.charAt(i);
            label.append(Character.isUpperCase(c) ? " " + Character.toLowerCase(c) : String.valueOf(c));
        }
        return label.toString();
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
