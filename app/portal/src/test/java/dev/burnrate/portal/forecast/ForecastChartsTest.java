package dev.burnrate.portal.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.engine.forecast.ModelRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForecastChartsTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(86_400);

    @Test
    void drawsActualsThenTheMedianInsideAP10ToP90BandNamedAfterItsModel() {
        ModelRecord model = new ModelRecord("combination", List.of("seasonal-naive"), T0, 0.8412, 4, "best of 3");
        GroupForecast f = new GroupForecast("gpu", List.of(T0), new double[] {10}, List.of(T1), new double[] {8},
                new double[] {11}, new double[] {15}, new double[] {6}, new double[] {17}, model);

        Map<String, Object> option = ForecastCharts.bands(List.of(f), "EffectiveCost");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> series = (List<Map<String, Object>>) option.get("series");
        assertThat(series).extracting(s -> s.get("name")).containsExactly("gpu",
                "gpu forecast (combination, backtest MASE 0.84)", "gpu P10", "gpu P10-P90");
        assertThat(((Object[]) ((List<?>) series.get(3).get("data")).getFirst())[1]).isEqualTo(7.0);
        assertThat(series.get(2).get("stack")).isEqualTo(series.get(3).get("stack"));
        assertThat(series.get(3)).containsKey("areaStyle");
        assertThat(f.forecastTotal()).isEqualTo(11);
    }
}
