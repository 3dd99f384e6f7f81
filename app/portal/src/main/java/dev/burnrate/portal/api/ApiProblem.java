package dev.burnrate.portal.api;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An error a controller answers with as RFC 9457 problem+json: the status, a short title, a detail that says what
 * went wrong and how to fix it, and for bad input the field paths (in the request's own terms, e.g.
 * {@code tags.cost-center}) with a message each.
 */
public class ApiProblem extends RuntimeException {

    /** One bad field: its path in the request body or query, and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    private final HttpStatus status;
    private final String title;
    private final List<FieldError> errors;

    public ApiProblem(HttpStatus status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public ApiProblem(HttpStatus status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public static ApiProblem badRequest(String detail, List<FieldError> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", detail, errors);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
