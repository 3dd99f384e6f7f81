package dev.burnrate.engine.timeseries;

import dev.burnrate.engine.usage.query.Metric;
import dev.burnrate.engine.usage.query.QueryResult;
import dev.burnrate.engine.usage.query.TimeBucket;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeriesBatchesTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private static QueryResult.Row row(String key, int hour, double cost) {
        return new QueryResult.Row(Arrays.asList(key), T0.plus(Duration.ofHours(hour)), new double[] {cost});
    }

    private static QueryResult hourly(List<QueryResult.Row> rows) {
        return new QueryResult(List.of("ServiceName"), TimeBucket.HOUR, List.of(Metric.EFFECTIVE_COST), rows, 0, 0);
    }

    @Test
    void alignsGroupsOnOneAxisWithGapsAsZeroOrMissing() {
        QueryResult result = hourly(List.of(row("gpu", 0, 5), row("gpu", 2, 7), row(null, 1, 3)));
        Instant to = T0.plus(Duration.ofHours(4));

        SeriesBatch zeros = SeriesBatches.from(result, Metric.EFFECTIVE_COST, T0, to, GapPolicy.ZERO);
        assertThat(zeros.count()).isEqualTo(2);
        assertThat(zeros.length()).isEqualTo(4);
        assertThat(zeros.series(0)).containsExactly(5, 0, 7, 0);
        assertThat(zeros.series(1)).containsExactly(0, 3, 0, 0);
        assertThat(zeros.keys().get(1)).containsExactly((String) null);
        assertThat(zeros.end()).isEqualTo(to);

        SeriesBatch missing = SeriesBatches.from(result, Metric.EFFECTIVE_COST, T0, to, GapPolicy.MISSING);
        assertThat(missing.value(0, 1)).isNaN();
        assertThat(missing.value(0, 2)).isEqualTo(7);
    }

    @Test
    void dropsRowsOutsideTheWindowAndRoundsTheEndUpToABucket() {
        QueryResult result = hourly(List.of(row("gpu", -1, 9), row("gpu", 0, 1), row("gpu", 5, 9)));
        SeriesBatch batch = SeriesBatches.from(result, Metric.EFFECTIVE_COST, T0,
                T0.plus(Duration.ofMinutes(150)), GapPolicy.ZERO);
        assertThat(batch.series(0)).containsExactly(1, 0, 0);
    }

    @Test
    void refusesAnUnbucketedResultOrAMetricItDoesNotHold() {
        QueryResult none = new QueryResult(List.of(), TimeBucket.NONE, List.of(Metric.EFFECTIVE_COST), List.of(), 0, 0);
        assertThatThrownBy(() -> SeriesBatches.from(none, Metric.EFFECTIVE_COST, T0, T0, GapPolicy.ZERO))
                .hasMessageContaining("hourly or daily");
        assertThatThrownBy(() -> SeriesBatches.from(hourly(List.of()), Metric.BILLED_COST, T0, T0, GapPolicy.ZERO))
                .hasMessageContaining("no BILLED_COST");
    }
}
