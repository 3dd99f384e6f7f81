package dev.burnrate.portal.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * A chart of a report: one or more series over shared categories (budgets, teams, days).
 *
 * @param kind BAR (grouped bars, e.g. plan vs actual per budget) or LINE (e.g. daily spend)
 */
public record ReportChart(String title, Kind kind, List<String> categories, List<Series> series) {

    public ReportChart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException(title + ": series " + s.name() + " has " + s.values().size()
                        + " values for " + categories.size() + " categories");
            }
        }
    }

    public enum Kind {
        BAR,
        LINE
    }

    /** Values may be null (no figure for that category). */
    public record Series(String name, List<BigDecimal> values) {

        public Series {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }
}
