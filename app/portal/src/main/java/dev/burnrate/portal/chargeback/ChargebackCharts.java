package dev.burnrate.portal.chargeback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ECharts option of a statement: billed cost per team, direct and shared stacked. */
final class ChargebackCharts {

    private ChargebackCharts() {
    }

    static Map<String, Object> option(ChargebackStatement s) {
        List<String> teams = s.lines().stream().map(ChargebackLine::label).toList();
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 80, "right", 20, "top", 40, "bottom", 40));
        option.put("xAxis", Map.of("type", "category", "data", teams));
        option.put("yAxis", Map.of("type", "value", "name", "Billed (" + s.currency() + ")"));
        option.put("series", List.of(
                Map.of("name", "Direct", "type", "bar", "stack", "billed",
                        "data", s.lines().stream().map(l -> l.directBilled().doubleValue()).toList()),
                Map.of("name", "Shared", "type", "bar", "stack", "billed",
                        "data", s.lines().stream().map(l -> l.sharedBilled().doubleValue()).toList()),
                Map.of("name", "Amortised", "type", "line",
                        "data", s.lines().stream().map(l -> l.effective().doubleValue()).toList())));
        return option;
    }
}
