package dev.burnrate.portal.review;

import dev.burnrate.portal.report.ReportChart;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ECharts options for the review page, from the same chart data the exports draw. */
final class ReviewCharts {

    private ReviewCharts() {
    }

    static Map<String, Object> bars(ReportChart chart) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("title", Map.of("text", chart.title(), "textStyle", Map.of("fontSize", 13)));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 22));
        option.put("grid", Map.of("left", 70, "right", 20, "top", 60, "bottom", 60));
        option.put("xAxis", Map.of("type", "category", "data", chart.categories(),
                "axisLabel", Map.of("rotate", 20)));
        option.put("yAxis", Map.of("type", "value"));
        option.put("series", chart.series().stream().map(s -> Map.of("type",
                chart.kind() == ReportChart.Kind.BAR ? "bar" : "line", "name", s.name(),
                "data", s.values().stream().map(v -> v == null ? null : (Object) v.doubleValue()).toList())).toList());
        return option;
    }
}
