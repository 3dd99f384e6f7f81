package dev.burnrate.portal.forecast;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ECharts options for forecasts (pure functions): per group the actuals as a solid line, then the P50 as a dashed
 * line inside a shaded P10-P90 band. The model and its backtest error are in the forecast's name, so the tooltip
 * shows them on hover.
 */
public final class ForecastCharts {

    /** More bands than this on one chart is unreadable; the explorer's top-N ranks the groups. */
    public static final int MAX_GROUPS = 6;

    private ForecastCharts() {
    }

    public static Map<String, Object> bands(List<GroupForecast> forecasts, String metricName) {
        List<Map<String, Object>> series = new ArrayList<>();
        List<String> legend = new ArrayList<>();
        List<GroupForecast> shown = forecasts.subList(0, Math.min(MAX_GROUPS, forecasts.size()));
        for (int g = 0; g < shown.size(); g++) {
            GroupForecast f = shown.get(g);
            legend.add(f.label());
            legend.add(forecastName(f));
            series.add(line(f.label(), points(f.actualTimes(), f.actual()), "solid", g));
            series.add(line(forecastName(f), points(f.forecastTimes(), f.p50()), "dashed", g));
            series.add(band(f.label() + " P10", points(f.forecastTimes(), f.p10()), "band" + g, false, g));
            double[] width = new double[f.p90().length];
            for (int h = 0; h < width.length; h++) {
                width[h] = f.p90()[h] - f.p10()[h];
            }
            series.add(band(f.label() + " P10-P90", points(f.forecastTimes(), width), "band" + g, true, g));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("type", "scroll", "top", 0, "data", legend));
        option.put("grid", Map.of("left", 60, "right", 20, "top", 40, "bottom", 40));
        option.put("xAxis", Map.of("type", "time"));
        option.put("yAxis", Map.of("type", "value", "name", metricName));
        option.put("series", series);
        return option;
    }

    /** e.g. "gpu forecast (combination, backtest MASE 0.84)". */
    public static String forecastName(GroupForecast f) {
        double mase = f.model().validationMase();
        String error = Double.isNaN(mase) ? "not backtested" : String.format(Locale.ROOT, "backtest MASE %.2f", mase);
        return f.label() + " forecast (" + f.model().family() + ", " + error + ")";
    }

    private static Map<String, Object> line(String name, List<Object[]> data, String style, int group) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("type", "line");
        s.put("showSymbol", false);
        s.put("lineStyle", Map.of("type", style));
        s.put("color", color(group));
        s.put("data", data);
        return s;
    }

    private static Map<String, Object> band(String name, List<Object[]> data, String stack, boolean filled,
                                            int group) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("type", "line");
        s.put("stack", stack);
        s.put("showSymbol", false);
        s.put("lineStyle", Map.of("opacity", 0));
        s.put("color", color(group));
        if (filled) {
            s.put("areaStyle", Map.of("opacity", 0.2));
        }
        s.put("data", data);
        return s;
    }

    private static List<Object[]> points(List<Instant> times, double[] values) {
        List<Object[]> out = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            out.add(new Object[] {times.get(i).toEpochMilli(), Math.round(values[i] * 100) / 100.0});
        }
        return out;
    }

    private static String color(int group) {
        String[] palette = {"#1676f3", "#e8590c", "#2f9e44", "#ae3ec9", "#f08c00", "#0c8599"};
        return palette[group % palette.length];
    }
}
