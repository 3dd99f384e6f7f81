package dev.burnrate.portal.api;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns a JSON reading failure into a field path and a message a caller can act on, never a stack trace. */
final class JsonErrorPaths {

    private JsonErrorPaths() {
    }

    /** The dotted path of the failing value, e.g. {@code tags.team} or {@code items[2].amount}; "" for the root. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static ApiProblem.FieldError fieldError(JacksonException e) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        String message;
        if (e instanceof UnrecognizedPropertyException unknown) {
            message = "unknown field '" + unknown.getPropertyName() + "'" + where;
        } else if (e instanceof InvalidFormatException invalid) {
            message = "'" + invalid.getValue() + "' is not a valid " + simpleName(invalid.getTargetType()) + where;
        } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            message = "expected " + simpleName(mismatched.getTargetType()) + where;
        } else {
            message = "malformed JSON" + where + ": " + firstLine(e.getOriginalMessage());
        }
        return new ApiProblem.FieldError(path(e), message);
    }

    static List<ApiProblem.FieldError> errors(JacksonException e) {
        return List.of(fieldError(e));
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "value, one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
