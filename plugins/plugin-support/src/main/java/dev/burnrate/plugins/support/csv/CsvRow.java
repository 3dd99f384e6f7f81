package dev.burnrate.plugins.support.csv;

import java.util.List;
import java.util.Map;

/** One record of a {@link CsvTable}, read by column name; empty cells read as {@code null}. */
public final class CsvRow {
    private final String source;
    private final int line;
    private final Map<String, Integer> columns;
    private final List<String> fields;

    CsvRow(String source, int line, Map<String, Integer> columns, List<String> fields) {
        this.source = source;
        this.line = line;
        this.columns = columns;
        this.fields = fields;
    }

    public int line() {
        return line;
    }

    /** {@code file:line} for messages. */
    public String location() {
        return source + ":" + line;
    }

    /** The trimmed text of a cell, or {@code null} when it is empty or the column does not exist. */
    public String text(String column) {
        Integer index = columns.get(column);
        if (index == null) {
            return null;
        }
        String value = fields.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    public String requiredText(String column) {
        String value = text(column);
        if (value == null) {
            throw error(column, "is empty but required");
        }
        return value;
    }

    /** A number, or {@code null} for an empty cell. */
    public Double decimal(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (!Double.isFinite(parsed)) {
                throw error(column, "is not a finite number: '" + value + "'");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw error(column, "is not a number: '" + value + "'");
        }
    }

    public double decimal(String column, double whenEmpty) {
        Double value = decimal(column);
        return value == null ? whenEmpty : value;
    }

    public boolean bool(String column) {
        String value = requiredText(column);
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw error(column, "must be true or false but is '" + value + "'");
        };
    }

    public CsvFormatException error(String column, String problem) {
        return new CsvFormatException(location() + ": column " + column + " " + problem);
    }
}
