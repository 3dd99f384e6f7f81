package dev.burnrate.portal.catalog;

import dev.burnrate.portal.base.chart.EChart;
import dev.burnrate.portal.plugin.AcceleratorPriceComparison;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A grouped bar chart: the cheapest on-demand USD per accelerator-hour, per accelerator, one bar per provider. */
class CheapestAcceleratorChart extends EChart {

    CheapestAcceleratorChart() {
        setId("cheapest-accelerator-chart");
        setHeight("340px");
    }

    void show(AcceleratorPriceComparison comparison) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (AcceleratorPriceComparison.Series s : comparison.series()) {
            Map<String, Object> bar = new LinkedHashMap<>();
            bar.put("name", s.providerName());
            bar.put("type", "bar");
            bar.put("data", s.cheapestPerAcceleratorHour().stream()
                    .map(v -> v == null ? null : Math.round(v * 10_000d) / 10_000d).toList());
            series.add(bar);
        }
        Map<String, Object> option = new LinkedHashMap<>();
        // No animation: filters re-render the chart often, and a half-drawn transition helps nobody.
        option.put("animation", false);
        option.put("title", Map.of("text", "Cheapest on-demand price per accelerator-hour", "left", "center",
                "textStyle", Map.of("fontSize", 14)));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 24));
        option.put("grid", Map.of("top", 72, "left", 64, "right", 16, "bottom", 64));
        option.put("xAxis", Map.of("type", "category", "data", comparison.accelerators(),
                "axisLabel", Map.of("rotate", 30)));
        option.put("yAxis", Map.of("type", "value", "name", "USD per accelerator-hour",
                "nameTextStyle", Map.of("align", "left")));
        option.put("series", series);
        setOption(option);
    }
}
