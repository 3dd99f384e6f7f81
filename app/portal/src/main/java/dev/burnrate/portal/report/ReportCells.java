package dev.burnrate.portal.report;

import dev.burnrate.portal.finance.Cents;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How the exports read the cells of a {@link ReportTable}, so that CSV, XLSX and PDF agree: money is the exact
 * {@link BigDecimal} to the cent, a percentage is in points (12.5 means 12.5 %), a number is a plain decimal.
 */
final class ReportCells {

    /** Grouping and decimal marks do not depend on the server's locale. */
    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);
    // DecimalFormat is costly to create and not thread-safe: one of each per thread.
    private static final ThreadLocal<DecimalFormat> MONEY = format("#,##0.00");
    private static final ThreadLocal<DecimalFormat> PERCENT = format("#,##0.0");
    private static final ThreadLocal<DecimalFormat> NUMBER = format("#,##0.##");

    private ReportCells() {
    }

    /** A money cell as the exact amount to the cent, or null when the cell is empty. */
    static BigDecimal money(ReportTable table, ReportTable.Column column, Object cell) {
        if (cell == null) {
            return null;
        }
        if (cell instanceof BigDecimal amount) {
            // Producers round once with Cents.round; this is a no-op for them and the same rule for anyone else.
            return Cents.round(amount);
        }
        if (cell instanceof Long || cell instanceof Integer) {
            return Cents.round(BigDecimal.valueOf(((Number) cell).longValue()));
        }
        throw new IllegalArgumentException(table.name() + ", column " + column.header()
                + ": a money cell must be a BigDecimal, not " + cell.getClass().getSimpleName() + " " + cell);
    }

    /** A percent or number cell as a double, or null when the cell is empty. */
    static Double number(ReportTable table, ReportTable.Column column, Object cell) {
        if (cell == null) {
            return null;
        }
        if (cell instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(table.name() + ", column " + column.header()
                + ": expected a finite number, not " + cell);
    }

    /** The column's heading as exported: money columns name their currency, percent columns their unit. */
    static String heading(ReportTable.Column column) {
        return switch (column.kind()) {
            case MONEY -> column.currency() == null ? column.header() : column.header() + " (" + column.currency() + ")";
            case PERCENT -> column.header() + " (%)";
            default -> column.header();
        };
    }

    /** A plain, machine-readable cell: money with exactly 2 decimals, numbers without grouping or exponent. */
    static String plain(ReportTable table, ReportTable.Column column, Object cell) {
        if (cell == null) {
            return "";
        }
        return switch (column.kind()) {
            case MONEY -> money(table, column, cell).toPlainString();
            case PERCENT, NUMBER -> plainNumber(cell, number(table, column, cell));
            case TEXT -> cell.toString();
        };
    }

    /** A cell as people read it in the PDF: grouped thousands, money to the cent, percent with one decimal. */
    static String display(ReportTable table, ReportTable.Column column, Object cell) {
        if (cell == null) {
            return "";
        }
        return switch (column.kind()) {
            case MONEY -> MONEY.get().format(money(table, column, cell));
            case PERCENT -> PERCENT.get().format(number(table, column, cell)) + " %";
            case NUMBER -> NUMBER.get().format(number(table, column, cell));
            case TEXT -> cell.toString();
        };
    }

    /** Axis and chart values, compact. */
    static String compact(double value) {
        return NUMBER.get().format(value);
    }

    private static ThreadLocal<DecimalFormat> format(String pattern) {
        return ThreadLocal.withInitial(() -> {
            DecimalFormat format = new DecimalFormat(pattern, SYMBOLS);
            format.setRoundingMode(java.math.RoundingMode.HALF_EVEN);
            return format;
        });
    }

    private static String plainNumber(Object cell, double value) {
        if (cell instanceof BigDecimal exact) {
            return exact.toPlainString();
        }
        if (cell instanceof Long || cell instanceof Integer || cell instanceof Short) {
            return cell.toString();
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
