package dev.burnrate.portal.simulation;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.engine.simulation.CommitmentAnalysis;
import dev.burnrate.engine.simulation.ComparisonRow;
import dev.burnrate.engine.simulation.InferenceReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ECharts options for the simulation results, built from the reports (no JavaScript of our own needed). */
final class SimulationCharts {

    static final int SHOWN = 10;

    private SimulationCharts() {
    }

    static String shortLabel(ComparisonRow row) {
        return row.offering().instanceType() + (row.instances() > 1 ? " x" + row.instances() : "") + " "
                + switch (row.option()) {
                    case ON_DEMAND -> "OD";
                    case SPOT -> "spot";
                    case COMMITTED_1Y -> "1y";
                    case COMMITTED_3Y -> "3y";
                };
    }

    /**
     * Per option, a box from P50 to P99 with a line at P90 and whiskers at min and max, cheapest first, on a
     * logarithmic axis (options differ by orders of magnitude).
     */
    static Map<String, Object> costDistribution(List<ComparisonRow> rows) {
        List<ComparisonRow> shown = cheapest(rows);
        List<String> labels = shown.stream().map(SimulationCharts::shortLabel).toList();
        List<List<Double>> boxes = shown.stream().map(r -> List.of(r.cost().min(), r.cost().p50(), r.cost().p90(),
                r.cost().p99(), r.cost().max())).toList();
        List<Double> means = shown.stream().map(ComparisonRow::expectedCost).toList();
        return Map.of("animation", false,
                "title", Map.of("text", "Cost distribution (USD)", "subtext",
                        "box: P50 to P99, line: P90, whiskers: min and max, dot: expected", "left", "center"),
                "tooltip", Map.of("trigger", "item"),
                "grid", Map.of("left", 80, "right", 30, "top", 70, "bottom", 110),
                "xAxis", Map.of("type", "category", "data", labels, "axisLabel", Map.of("rotate", 35)),
                "yAxis", Map.of("type", "log", "name", "USD (log scale)"),
                "series", List.of(
                        Map.of("name", "cost", "type", "boxplot", "data", boxes),
                        Map.of("name", "expected", "type", "scatter", "data", means, "symbolSize", 8)));
    }

    /**
     * Each option's scenarios as points of (hours to finish, cost): spot options are clouds, others points. Both
     * axes are logarithmic: CPU options can take a hundred times longer and cost fifty times more.
     */
    static Map<String, Object> costVersusTime(List<ComparisonRow> rows, double deadlineHours) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (ComparisonRow row : cheapest(rows).subList(0, Math.min(6, rows.size()))) {
            List<List<Double>> points = new ArrayList<>();
            for (double[] pair : row.costVsHours()) {
                points.add(List.of(pair[0], pair[1]));
            }
            Map<String, Object> s = new LinkedHashMap<>(Map.of("name", shortLabel(row), "type", "scatter",
                    "data", points, "symbolSize", row.option() == PurchaseOption.SPOT ? 4 : 10));
            series.add(s);
        }
        if (deadlineHours > 0 && !series.isEmpty()) {
            series.getFirst().put("markLine", Map.of("symbol", "none", "label", Map.of("formatter", "deadline"),
                    "data", List.of(Map.of("xAxis", deadlineHours))));
        }
        return Map.of("animation", false,
                "title", Map.of("text", "Cost vs time to finish", "left", "center"),
                "tooltip", Map.of("trigger", "item"),
                "legend", Map.of("bottom", 0),
                "grid", Map.of("left", 80, "right", 30, "top", 50, "bottom", 70),
                "xAxis", Map.of("type", "log", "name", "hours (log)"),
                "yAxis", Map.of("type", "log", "name", "USD (log)"),
                "series", series);
    }

    /** A load curve read from usage data: requests/s per hour from the first day's midnight (UTC). */
    static Map<String, Object> loadCurve(double[] requestsPerSecond, java.time.LocalDate firstDay) {
        long start = firstDay.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
        List<List<Object>> points = new ArrayList<>(requestsPerSecond.length);
        for (int h = 0; h < requestsPerSecond.length; h++) {
            points.add(List.of(start + h * 3_600_000L, requestsPerSecond[h]));
        }
        return Map.of("animation", false,
                "tooltip", Map.of("trigger", "axis"),
                "grid", Map.of("left", 60, "right", 30, "top", 20, "bottom", 40),
                "xAxis", Map.of("type", "time"),
                "yAxis", Map.of("type", "value", "name", "requests/s"),
                "series", List.of(Map.of("name", "requests/s", "type", "line", "step", "end", "showSymbol", false,
                        "areaStyle", Map.of(), "data", points)));
    }

    /** Instances per hour of the cheapest offerings over the load curve. */
    static Map<String, Object> instancesPerHour(InferenceReport report) {
        List<Map<String, Object>> series = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (ComparisonRow row : report.rows()) {
            String key = row.offering().key();
            if (seen.contains(key) || seen.size() == 4) {
                continue;
            }
            seen.add(key);
            int[] counts = report.instancesPerHour().get(key);
            List<Integer> values = new ArrayList<>(counts.length);
            for (int count : counts) {
                values.add(count);
            }
            series.add(Map.of("name", row.offering().instanceType(), "type", "line", "step", "end",
                    "showSymbol", false, "data", values));
        }
        return Map.of("animation", false,
                "title", Map.of("text", "Instances needed per hour", "left", "center"),
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("bottom", 0),
                "grid", Map.of("left", 60, "right", 30, "top", 50, "bottom", 60),
                "xAxis", Map.of("type", "category", "name", "hour"),
                "yAxis", Map.of("type", "value", "name", "instances"),
                "series", series);
    }

    /** Cost at every commitment coverage level, per term, with the optimum marked. */
    static Map<String, Object> commitmentCoverage(CommitmentAnalysis analysis) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (var entry : analysis.cost().entrySet()) {
            List<List<Double>> points = new ArrayList<>();
            double[] cost = entry.getValue();
            for (int l = 0; l < cost.length; l++) {
                points.add(List.of(analysis.coveragePercent()[l], cost[l]));
            }
            int best = analysis.optimalLevel(entry.getKey());
            series.add(Map.of("name", entry.getKey() == PurchaseOption.COMMITTED_1Y ? "1-year" : "3-year",
                    "type", "line", "showSymbol", false, "data", points,
                    "markPoint", Map.of("data", List.of(Map.of("name", "optimal",
                            "coord", List.of(analysis.coveragePercent()[best], cost[best]))))));
        }
        return Map.of("animation", false,
                "title", Map.of("text", "Commitment coverage: " + analysis.offeringKey(), "left", "center"),
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("bottom", 0),
                "grid", Map.of("left", 80, "right", 30, "top", 50, "bottom", 60),
                "xAxis", Map.of("type", "value", "name", "% of peak committed", "max", 100),
                "yAxis", Map.of("type", "value", "name", "USD", "scale", true),
                "series", series);
    }

    private static List<ComparisonRow> cheapest(List<ComparisonRow> rows) {
        return rows.stream().sorted((a, b) -> Double.compare(a.expectedCost(), b.expectedCost())).limit(SHOWN)
                .toList();
    }
}
