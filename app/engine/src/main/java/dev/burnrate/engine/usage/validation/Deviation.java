package dev.burnrate.engine.usage.validation;

import java.util.List;

/**
 * One line of the conformance report: every occurrence of one rule in one column, counted, with the first few
 * as examples (row, line and value), whatever the import did with them.
 *
 * @param severity what the occurrences counted as in this import: a WARNING was imported as found (a deviation
 *                 the data can still represent, e.g. a NULL kept as null), an ERROR quarantined or rejected its row
 * @param count    all occurrences
 * @param examples the first {@link #MAX_EXAMPLES} occurrences
 */
public record Deviation(Rule rule, String column, Severity severity, long count, List<ValidationIssue> examples) {

    public static final int MAX_EXAMPLES = 3;

    public Deviation {
        examples = List.copyOf(examples);
    }

    /** "rows 3 (line 4), 9 (line 10)" for the examples. */
    public String exampleRows() {
        StringBuilder sb = new StringBuilder();
        for (ValidationIssue i : examples) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(i.row() > 0 ? "row " + i.row() : "file");
            if (i.line() > 0) {
                sb.append(" (line ").append(i.line()).append(')');
            }
            if (i.value() != null) {
                sb.append(" '").append(i.value()).append('\'');
            }
        }
        return sb.toString();
    }
}
