package dev.burnrate.portal.usage;

import dev.burnrate.engine.usage.query.QueryResult;
import dev.burnrate.engine.usage.query.TimeBucket;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** ECharts options for the cost explorer, built from a query result (pure functions, unit-tested). */
final class ExplorerCharts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:00").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    private ExplorerCharts() {
    }

    /** One stacked series per group over the time buckets (missing buckets are 0). */
    static Map<String, Object> timeSeries(QueryResult r, String metricName) {
        TreeSet<Instant> buckets = new TreeSet<>();
        Map<String, Map<Instant, Double>> series = new LinkedHashMap<>();
        for (QueryResult.Row row : r.rows()) {
            if (row.bucket() == null) {
                continue;
            }
            buckets.add(row.bucket());
            series.computeIfAbsent(row.label(), k -> new LinkedHashMap<>()).merge(row.bucket(), row.values()[0], Double::sum);
        }
        List<String> axis = buckets.stream().map(b -> label(b, r.bucket())).toList();
        List<Map<String, Object>> out = new ArrayList<>();
        series.forEach((name, values) -> {
            List<Double> data = buckets.stream().map(b -> round(values.getOrDefault(b, 0.0))).toList();
            out.add(Map.of("name", name, "type", "bar", "stack", "total", "emphasis", Map.of("focus", "series"),
                    "data", data));
        });
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("type", "scroll", "top", 0));
        option.put("grid", Map.of("left", 60, "right", 20, "top", 40, "bottom", 40));
        option.put("xAxis", Map.of("type", "category", "data", axis));
        option.put("yAxis", Map.of("type", "value", "name", metricName));
        option.put("series", out);
        return option;
    }

    /** Share of each group in the whole period, as a donut. */
    static Map<String, Object> breakdown(QueryResult r) {
        Map<String, Double> totals = totals(r);
        List<Map<String, Object>> data = new ArrayList<>();
        totals.forEach((name, v) -> data.add(Map.of("name", name, "value", round(v))));
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "item"));
        option.put("series", List.of(Map.of("type", "pie", "radius", List.of("40%", "70%"), "data", data,
                "label", Map.of("formatter", "{b}: {d}%"))));
        return option;
    }

    /** Totals per group over all buckets, in result order (largest first, Other last). */
    static Map<String, Double> totals(QueryResult r) {
        Map<String, Double> totals = new LinkedHashMap<>();
        r.rows().forEach(row -> totals.merge(row.label(), row.values()[0], Double::sum));
        return totals;
    }

    /** A total with its currency code, e.g. {@code 1,234.50 USD} or {@code 1,234,567 JPY}. */
    static String amount(double total, String currency) {
        int digits = 2;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException notIso) {
            // "(no currency)" or a code imports refused: two decimals
        }
        return String.format(Locale.ROOT, "%,." + digits + "f %s", total, currency);
    }

    private static String label(Instant t, TimeBucket bucket) {
        return switch (bucket) {
            case HOUR -> HOUR.format(t);
            case MONTH -> MONTH.format(t);
            default -> DAY.format(t);
        };
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
