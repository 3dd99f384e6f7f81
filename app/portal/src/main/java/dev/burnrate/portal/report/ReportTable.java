package dev.burnrate.portal.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A table of a report. Cells are {@code String} (text), {@link java.math.BigDecimal} (money, rounded to the cent,
 * in the column's currency), {@code Double} (a percentage or plain number) or null (empty).
 *
 * @param name    the table's heading and, in XLSX, its sheet name
 * @param columns the columns, in order
 * @param rows    the rows; each has one cell per column
 */
public record ReportTable(String name, List<Column> columns, List<List<Object>> rows) {

    public ReportTable {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(name + ": a row has " + row.size() + " cells for "
                        + columns.size() + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = List.copyOf(copy);
    }

    public enum Kind {
        TEXT,
        MONEY,
        PERCENT,
        NUMBER
    }

    /** @param currency the ISO code of a {@link Kind#MONEY} column, else null */
    public record Column(String header, Kind kind, String currency) {

        public static Column text(String header) {
            return new Column(header, Kind.TEXT, null);
        }

        public static Column money(String header, String currency) {
            return new Column(header, Kind.MONEY, currency);
        }

        /** A percentage column; its cells are in points: 12.5 means 12.5 % (the XLSX stores 0.125). */
        public static Column percent(String header) {
            return new Column(header, Kind.PERCENT, null);
        }

        /** A plain number column (counts, quantities). */
        public static Column number(String header) {
            return new Column(header, Kind.NUMBER, null);
        }
    }
}
