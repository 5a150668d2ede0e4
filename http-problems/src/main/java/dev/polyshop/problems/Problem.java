package dev.polyshop.problems;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of every error answer (RFC 9457), with the invalid fields listed by their JSON property names. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem(typeFor(title), title, status, detail, List.of());
    }

    public static Problem invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid";
        return new Problem(typeFor("Invalid input"), "Invalid input", 400, detail, List.copyOf(errors));
    }

    private static String typeFor(String title) {
        return "urn:polyshop:problem:" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
