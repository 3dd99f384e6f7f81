package dev.burnrate.engine.usage.validation;

import java.util.Objects;

/**
 * One problem found while importing.
 *
 * @param row      1-based data row (the header is row 0); 0 for file-level problems
 * @param line     1-based physical line in the source where the row starts (0 when unknown)
 * @param column   the column name, or {@code null} for whole-row or whole-file problems
 * @param value    the offending value as found (cut to 200 characters), or {@code null}
 * @param rule     the rule broken
 * @param severity how much it matters
 * @param message  a sentence a person can act on
 */
public record ValidationIssue(long row, long line, String column, String value, Rule rule, Severity severity,
                              String message) {

    private static final int MAX_VALUE_CHARS = 200;

    public ValidationIssue {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        if (value != null && value.length() > MAX_VALUE_CHARS) {
            value = value.substring(0, MAX_VALUE_CHARS) + "...";
        }
    }

    /** "row 12 (line 13), column BilledCost, value 'abc': [type] ..." */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (row > 0) {
            sb.append("row ").append(row);
            if (line > 0) {
                sb.append(" (line ").append(line).append(')');
            }
        } else if (line > 0) {
            sb.append("line ").append(line);
        } else {
            sb.append("file");
        }
        if (column != null) {
            sb.append(", column ").append(column);
        }
        if (value != null) {
            sb.append(", value '").append(value).append('\'');
        }
        return sb.append(": [").append(rule.id()).append("] ").append(message).toString();
    }
}
