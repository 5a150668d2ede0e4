package dev.polyshop.problems;

import java.util.List;

/**
 * A domain failure that becomes an HTTP answer. Services throw the named subclasses; resources never build error
 * bodies by hand.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public Problem toProblem() {
        return errors.isEmpty() ? Problem.of(status, title, getMessage()) : Problem.invalid(errors);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not found", what + " not found");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "Invalid input", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }
}
