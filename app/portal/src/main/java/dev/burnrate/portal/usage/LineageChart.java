package dev.burnrate.portal.usage;

import dev.burnrate.portal.base.chart.EChart;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dataset's versions as a lineage graph: one node per version (oldest left), an arrow from each parent to the
 * version made from it. Rows: imports on top, then appends, filters and merges.
 */
class LineageChart extends EChart {

    LineageChart() {
        setId("lineage-chart");
        setHeight("220px");
    }

    void show(List<VersionSummary> versions) {
        setOption(option(versions));
    }

    static Map<String, Object> option(List<VersionSummary> versions) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> links = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < versions.size(); i++) {
            VersionSummary v = versions.get(i);
            index.put(v.key(), i);
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("name", v.key());
            node.put("x", i * 140);
            node.put("y", v.transform().ordinal() * 60);
            node.put("value", v.rows());
            node.put("label", Map.of("show", true, "formatter",
                    v.transform().name().toLowerCase() + "\n" + v.rows() + " rows"));
            node.put("itemStyle", Map.of("color", v.tier() == dev.burnrate.engine.usage.store.Tier.COLD
                    ? "#6b8fb5" : "#e8590c"));
            nodes.add(node);
        }
        for (VersionSummary v : versions) {
            for (String p : v.parents()) {
                if (index.containsKey(p)) {
                    links.add(Map.of("source", p, "target", v.key()));
                }
            }
        }
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "graph");
        series.put("layout", "none");
        series.put("symbolSize", 36);
        series.put("edgeSymbol", List.of("none", "arrow"));
        series.put("data", nodes);
        series.put("links", links);
        series.put("lineStyle", Map.of("width", 2, "curveness", 0.15));
        return Map.of("tooltip", Map.of(), "series", List.of(series));
    }
}
