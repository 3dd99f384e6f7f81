package dev.burnrate.api;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One declarative panel of a {@link UiContribution} (since API 1.3.0). The portal draws each kind with its own
 * components; a plugin only describes what to show. Every panel has an {@link #id()} of lower-case letters, digits
 * and dashes (the page uses it as the element id {@code panel-<plugin id>-<id>}) and a title.
 */
public sealed interface UiPanel permits UiPanel.Table, UiPanel.Chart, UiPanel.Link, UiPanel.SettingsLink {

    /** Panel ids: 1-40 lower-case letters, digits and dashes, starting with a letter or digit. */
    Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    /** The most rows a table and categories a chart may have; the portal shows no more. */
    int MAX_ROWS = 500;

    String id();

    String title();

    /**
     * A table of text cells.
     *
     * @param columns the column headers
     * @param rows    the rows, each with exactly one cell per column (a {@code null} cell shows empty)
     */
    record Table(String id, String title, List<String> columns, List<List<String>> rows) implements UiPanel {
        public Table {
            requireIdAndTitle(id, title);
            columns = List.copyOf(columns);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("table panel " + id + " needs at least one column");
            }
            if (rows.size() > MAX_ROWS) {
                throw new IllegalArgumentException("table panel " + id + " has " + rows.size() + " rows; at most "
                        + MAX_ROWS);
            }
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).size() != columns.size()) {
                    throw new IllegalArgumentException("table panel " + id + ": row " + (i + 1) + " has "
                            + rows.get(i).size() + " cells for " + columns.size() + " columns");
                }
            }
            rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row)))
                    .toList();
        }
    }

    /** How a chart draws its series. */
    enum ChartKind { BAR, LINE }

    /**
     * A chart: one value per category in each series.
     *
     * @param unit       what the values measure, shown on the axis (e.g. {@code USD/h})
     * @param categories the x-axis labels
     * @param series     the series; each has one value per category ({@code null}: no value)
     */
    record Chart(String id, String title, ChartKind kind, String unit, List<String> categories, List<Series> series)
            implements UiPanel {
        public Chart {
            requireIdAndTitle(id, title);
            Objects.requireNonNull(kind, "kind");
            categories = List.copyOf(categories);
            series = List.copyOf(series);
            if (categories.size() > MAX_ROWS) {
                throw new IllegalArgumentException("chart panel " + id + " has more than " + MAX_ROWS + " categories");
            }
            for (Series s : series) {
                if (s.values().size() != categories.size()) {
                    throw new IllegalArgumentException("chart panel " + id + ": series " + s.name() + " has "
                            + s.values().size() + " values for " + categories.size() + " categories");
                }
            }
        }
    }

    /** One named series of a {@link Chart}. */
    record Series(String name, List<Double> values) {
        public Series {
            Objects.requireNonNull(name, "name");
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }

    /**
     * A link to an outside page (the provider's console, status page or docs), opened in a new tab.
     *
     * @param url an absolute {@code https} or {@code http} address
     */
    record Link(String id, String title, String text, URI url) implements UiPanel {
        public Link {
            requireIdAndTitle(id, title);
            Objects.requireNonNull(text, "text");
            String scheme = Objects.requireNonNull(url, "url").getScheme();
            if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("link panel " + id + " must point to an http(s) address: " + url);
            }
        }
    }

    /**
     * A link to this plugin's settings form on the portal's admin Plugins page, with a sentence saying what to set
     * there; shown to administrators only.
     */
    record SettingsLink(String id, String title, String text) implements UiPanel {
        public SettingsLink {
            requireIdAndTitle(id, title);
            Objects.requireNonNull(text, "text");
        }
    }

    private static void requireIdAndTitle(String id, String title) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("panel id must be 1-40 lower-case letters, digits and dashes: " + id);
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("panel " + id + " needs a title");
        }
    }
}
