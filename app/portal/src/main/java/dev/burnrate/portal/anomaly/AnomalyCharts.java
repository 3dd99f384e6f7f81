package dev.burnrate.portal.anomaly;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ECharts options for an anomaly (pure functions). */
final class AnomalyCharts {

    private AnomalyCharts() {
    }

    /** The root causes as horizontal bars of dollar impact, largest on top. */
    static Map<String, Object> rootCauses(StoredAnomaly anomaly) {
        List<RootCause> causes = anomaly.causes().reversed();
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis", "axisPointer", Map.of("type", "shadow")));
        option.put("grid", Map.of("left", 300, "right", 40, "top", 10, "bottom", 30));
        option.put("xAxis", Map.of("type", "value", "name", anomaly.currency()));
        option.put("yAxis", Map.of("type", "category",
                "data", causes.stream().map(c -> c.dimension() + ": " + c.value()).toList()));
        option.put("series", List.of(Map.of("type", "bar", "name", "Impact",
                "data", causes.stream().map(c -> c.impact().doubleValue()).toList())));
        return option;
    }
}
