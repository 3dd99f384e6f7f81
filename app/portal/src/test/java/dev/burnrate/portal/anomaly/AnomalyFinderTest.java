package dev.burnrate.portal.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.engine.timeseries.SeriesBatch;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A monitor reports a high-scoring increase only when it is material in money and in percent, never mixes
 * currencies, and names the children that explain it, largest dollar impact first.
 */
class AnomalyFinderTest {

    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");
    private static final int DAYS = 30;

    private static final Monitor MONITOR = new Monitor(7, 3, "ml-research", "Daily spend", new BigDecimal("100"),
            new BigDecimal("20"), true);

    /** Flat 1,000 a day; day {@code spikeDay} costs {@code 1000 + spike}. */
    private static double[] flat(double level, int spikeDay, double spike) {
        double[] v = new double[DAYS];
        Arrays.fill(v, level);
        v[spikeDay] += spike;
        return v;
    }

    private static SeriesBatch batch(List<List<String>> keys, double[]... series) {
        double[] values = new double[series.length * DAYS];
        for (int s = 0; s < series.length; s++) {
            System.arraycopy(series[s], 0, values, s * DAYS, DAYS);
        }
        return new SeriesBatch(keys, T0, Duration.ofDays(1), DAYS, values);
    }

    /** A scorer that expects each series' first value and scores by relative deviation from it. */
    private static PointScorer.Scored score(SeriesBatch b) {
        double[] expected = new double[b.values().length];
        double[] score = new double[b.values().length];
        for (int s = 0; s < b.count(); s++) {
            for (int t = 0; t < b.length(); t++) {
                int i = s * b.length() + t;
                expected[i] = b.values()[s * b.length()];
                score[i] = Math.min(1, Math.abs(b.values()[i] - expected[i]) / Math.max(1, expected[i]));
            }
        }
        return new PointScorer.Scored(score, expected);
    }

    private static SeriesSet set(SeriesBatch parents, SeriesBatch services, SeriesBatch regions) {
        Map<String, SeriesSet.Children> children = new LinkedHashMap<>();
        children.put("ServiceName", new SeriesSet.Children(services, score(services)));
        children.put("RegionId", new SeriesSet.Children(regions, score(regions)));
        return new SeriesSet("ml-research", parents, score(parents), children);
    }

    @Test
    void findsARecentMaterialSpikeWithItsRootCausesRankedByDollarImpact() {
        SeriesBatch parents = batch(List.of(List.of("USD")), flat(1000, 27, 3000));
        SeriesBatch services = batch(List.of(List.of("USD", "Amazon SageMaker"), List.of("USD", "Amazon EC2"),
                List.of("USD", "Amazon S3")), flat(200, 27, 2600), flat(700, 27, 400), flat(100, 0, 0));
        SeriesBatch regions = batch(List.of(List.of("USD", "us-east-1")), flat(1000, 27, 3000));

        List<FoundAnomaly> found = new AnomalyFinder(0.5).find(MONITOR, set(parents, services, regions));

        assertThat(found).singleElement().satisfies(a -> {
            assertThat(a.periodStart()).isEqualTo(T0.plus(Duration.ofDays(27)));
            assertThat(a.periodHours()).isEqualTo(24);
            assertThat(a.expected()).isEqualByComparingTo("1000");
            assertThat(a.actual()).isEqualByComparingTo("4000");
            assertThat(a.impactPercent()).isEqualByComparingTo("300");
            assertThat(a.currency()).isEqualTo("USD");
            assertThat(a.causes()).extracting(c -> c.dimension() + "=" + c.value()).containsExactly(
                    "RegionId=us-east-1", "ServiceName=Amazon SageMaker", "ServiceName=Amazon EC2");
            assertThat(a.causes().get(1).share()).isCloseTo(2600.0 / 3000, org.assertj.core.data.Offset.offset(1e-9));
        });
    }

    @Test
    void staysQuietForDropsAndDeviationsBelowEitherMinimum() {
        SeriesBatch services = batch(List.of(List.of("USD", "x")), flat(1000, 0, 0));
        SeriesBatch regions = batch(List.of(List.of("USD", "y")), flat(1000, 0, 0));
        AnomalyFinder finder = new AnomalyFinder(0.05);
        assertThat(finder.find(MONITOR, set(batch(List.of(List.of("USD")), flat(1000, 28, -900)), services, regions)))
                .as("a drop").isEmpty();
        assertThat(finder.find(MONITOR, set(batch(List.of(List.of("USD")), flat(1000, 28, 90)), services, regions)))
                .as("below 100 in money").isEmpty();
        Monitor percentOnly = new Monitor(7, 3, "ml-research", "m", BigDecimal.ZERO, new BigDecimal("20"), true);
        assertThat(finder.find(percentOnly, set(batch(List.of(List.of("USD")), flat(1000, 28, 150)), services,
                regions))).as("15% is below 20%").isEmpty();
    }

    @Test
    void keepsEachCurrencyApart() {
        SeriesBatch parents = batch(List.of(List.of("USD"), List.of("JPY")), flat(1000, 0, 0),
                flat(150_000, 29, 450_000));
        SeriesBatch services = batch(List.of(List.of("USD", "Amazon EC2"), List.of("JPY", "Amazon EC2")),
                flat(1000, 29, 9999), flat(150_000, 29, 450_000));
        SeriesBatch regions = batch(List.of(List.of("JPY", "ap-northeast-1")), flat(150_000, 29, 450_000));

        List<FoundAnomaly> found = new AnomalyFinder(0.5).find(MONITOR, set(parents, services, regions));

        assertThat(found).singleElement().satisfies(a -> {
            assertThat(a.currency()).isEqualTo("JPY");
            assertThat(a.seriesLabel()).isEqualTo("ml-research (JPY)");
            assertThat(a.causes()).allSatisfy(c -> assertThat(c.impact()).isEqualByComparingTo("450000"));
        });
    }
}
