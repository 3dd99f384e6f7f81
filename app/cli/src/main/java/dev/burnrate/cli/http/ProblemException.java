package dev.burnrate.cli.http;

import dev.burnrate.cli.CliException;
import java.util.List;

/**
 * The portal refused a call. Rendered from its RFC 9457 problem as {@code error: <title>: <detail>} with one line
 * per field error, so a pipeline log says what to fix without the user reading JSON.
 */
public final class ProblemException extends CliException {

    /** One {@code errors[]} entry of a validation problem. */
    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;
    private final String hint;

    public ProblemException(int status, String title, String detail, List<FieldError> errors, String hint) {
        super(detail == null || detail.isBlank() ? title : title + ": " + detail);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
        this.hint = hint;
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

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public String render() {
        StringBuilder text = new StringBuilder(super.render());
        for (FieldError error : errors) {
            text.append("\n  - ");
            if (error.field() != null && !error.field().isBlank()) {
                text.append(error.field()).append(": ");
            }
            text.append(error.message());
        }
        if (hint != null) {
            text.append("\n").append(hint);
        }
        return text.toString();
    }
}
