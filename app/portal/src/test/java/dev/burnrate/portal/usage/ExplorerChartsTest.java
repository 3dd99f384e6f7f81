package dev.burnrate.portal.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.engine.usage.query.Metric;
import dev.burnrate.engine.usage.query.QueryResult;
import dev.burnrate.engine.usage.query.TimeBucket;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplorerChartsTest {

    private static final Instant D1 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant D2 = Instant.parse("2026-03-02T00:00:00Z");

    private final QueryResult result = new QueryResult(List.of("ServiceName"), TimeBucket.DAY,
            List.of(Metric.EFFECTIVE_COST), List.of(
            new QueryResult.Row(List.of("EC2"), D1, new double[] {10}),
            new QueryResult.Row(List.of("EC2"), D2, new double[] {12.345}),
            new QueryResult.Row(List.of("S3"), D2, new double[] {3}),
            new QueryResult.Row(Arrays.asList("Other"), D1, new double[] {1})), 100, 40);

    @Test
    @SuppressWarnings("unchecked")
    void timeSeriesStacksOneSeriesPerGroupAndFillsMissingBuckets() {
        Map<String, Object> option = ExplorerCharts.timeSeries(result, "EffectiveCost");
        assertThat((Map<String, Object>) option.get("xAxis")).containsEntry("data", List.of("2026-03-01", "2026-03-02"));
        List<Map<String, Object>> series = (List<Map<String, Object>>) option.get("series");
        assertThat(series).extracting(s -> s.get("name")).containsExactly("EC2", "S3", "Other");
        assertThat(series.get(0).get("data")).isEqualTo(List.of(10.0, 12.35));
        assertThat(series.get(1).get("data")).isEqualTo(List.of(0.0, 3.0));
        assertThat(series).allSatisfy(s -> assertThat(s).containsEntry("stack", "total"));
    }

    @Test
    void breakdownAndTableTotalEachGroup() {
        assertThat(ExplorerCharts.totals(result)).containsExactly(Map.entry("EC2", 22.345), Map.entry("S3", 3.0),
                Map.entry("Other", 1.0));
        assertThat(ExplorerCharts.breakdown(result).toString()).contains("value=22.35").contains("name=EC2");
    }

    @Test
    void csvExportHasOneLinePerGroupAndBucket() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExplorerCsv.write(result, out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).containsExactly("ServiceName,bucket,EffectiveCost", "EC2,2026-03-01T00:00:00Z,10.0",
                "EC2,2026-03-02T00:00:00Z,12.345", "S3,2026-03-02T00:00:00Z,3.0", "Other,2026-03-01T00:00:00Z,1.0");
    }
}
