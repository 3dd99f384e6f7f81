package dev.burnrate.portal.provisioning;

import java.util.List;

/** The form has mistakes; each names its field. Nothing was stored. */
public class DraftInvalid extends RuntimeException {

    /** @param field the form field, e.g. {@code count} */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public DraftInvalid(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
