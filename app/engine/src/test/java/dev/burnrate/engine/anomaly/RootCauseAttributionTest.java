package dev.burnrate.engine.anomaly;

import dev.burnrate.api.KernelException;
import dev.burnrate.engine.kernel.KernelRouter;
import dev.burnrate.engine.kernel.simd.JvmSimdBackend;
import dev.burnrate.engine.timeseries.GapPolicy;
import dev.burnrate.engine.timeseries.SeriesBatch;
import dev.burnrate.engine.timeseries.SeriesBatches;
import dev.burnrate.engine.usage.AllocatorTestBase;
import dev.burnrate.engine.usage.ingest.ImportOptions;
import dev.burnrate.engine.usage.query.GroupKey;
import dev.burnrate.engine.usage.query.Metric;
import dev.burnrate.engine.usage.query.QueryEngine;
import dev.burnrate.engine.usage.query.QueryResult;
import dev.burnrate.engine.usage.query.TimeBucket;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.engine.usage.store.UsageTable;
import dev.burnrate.engine.usage.store.VersionManifest;
import dev.burnrate.engine.usage.synth.GeneratorSpec;
import dev.burnrate.engine.usage.synth.PlantedAnomaly;
import dev.burnrate.engine.usage.synth.SkuSpec;
import dev.burnrate.engine.usage.synth.SyntheticFocusGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.burnrate.engine.anomaly.AnomalyDetectorTest.batch;
import static dev.burnrate.engine.anomaly.AnomalyDetectorTest.noisy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Root causes of a planted cost spike in synthetic FOCUS data, through the explorer's query and series. */
class RootCauseAttributionTest extends AllocatorTestBase {

    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final JvmSimdBackend SIMD = new JvmSimdBackend(2, java.util.Map.of());

    private final RootCauseAttribution attribution =
            new RootCauseAttribution(new AnomalyDetector(KernelRouter.always(SIMD)));

    @AfterAll
    static void closeBackend() {
        SIMD.close();
    }

    /** Seeds whose spike falls after the learning period, on different teams (recommendations, vision). */
    @ParameterizedTest
    @ValueSource(longs = {8, 10})
    void thePlantedTeamIsTheFirstRootCauseOfTheTotalsSpike(long seed) throws IOException, KernelException {
        int days = 21;
        SyntheticFocusGenerator generator = new SyntheticFocusGenerator(new GeneratorSpec(seed, START, days, 40,
                GeneratorSpec.DEFAULT_TEAMS, SkuSpec.defaults(), 1));
        Path csv = temp.resolve("synthetic.csv");
        try (OutputStream out = Files.newOutputStream(csv)) {
            generator.writeCsv(out);
        }
        VersionManifest version = importCsv("synthetic", csv, ImportOptions.defaults()).version().orElseThrow();
        SeriesBatch teams;
        try (UsageTable table = store.open("synthetic", version.versionId(), allocator)) {
            QueryResult result = new QueryEngine().run(table, UsageQuery.builder().groupBy(GroupKey.tag("team"))
                    .bucket(TimeBucket.HOUR).sum(Metric.EFFECTIVE_COST).build());
            teams = SeriesBatches.from(result, Metric.EFFECTIVE_COST, START, START.plus(Duration.ofDays(days)),
                    GapPolicy.ZERO);
        }
        PlantedAnomaly planted = generator.anomalies().getFirst();
        int dayStart = (int) Duration.between(START, planted.from()).toHours();
        assertThat(dayStart).as("fixture: the spike comes after the detector's learning period").isGreaterThan(110);
        // The flow of a monitor: score the total, take its alarm in the planted day, then ask why.
        double[] total = new double[teams.length()];
        for (int t = 0; t < teams.length(); t++) {
            for (int s = 0; s < teams.count(); s++) {
                total[t] += teams.value(s, t);
            }
        }
        AnomalyScores totalScores = new AnomalyDetector(KernelRouter.always(SIMD)).score(batch(total));
        int alarm = dayStart;
        for (int t = dayStart; t < dayStart + 24; t++) {
            alarm = totalScores.score(0, t) > totalScores.score(0, alarm) ? t : alarm;
        }
        assertThat(totalScores.score(0, alarm)).as("the total's highest score in the planted day")
                .isGreaterThan(0.9);

        RootCauseAttribution.Explanation why = attribution.explain(teams, alarm);

        assertThat(why.deviation()).as("the total rose above its baseline").isPositive();
        assertThat(why.score()).as("the same score as the total's own").isEqualTo(totalScores.score(0, alarm));
        RootCause first = why.causes().getFirst();
        assertThat(first.key()).containsExactly(planted.team());
        assertThat(first.share()).as("share of the total's deviation").isGreaterThan(0.6);
        assertThat(first.impact()).isCloseTo(first.actual() - first.expected(), within(1e-9));
        // Other teams move with the hour of day too (the baseline is a level, not a daily profile).
        assertThat(why.causes().get(1).impact()).as("the runner-up").isLessThan(first.impact() / 1.5);
        assertThat(why.causes()).hasSize(teams.count());
    }

    @Test
    void forADropTheChildThatFellMostComesFirst() throws KernelException {
        double[] steady = noisy(400, 21);
        double[] falling = noisy(400, 22);
        double[] small = noisy(400, 23);
        for (int t = 0; t < 400; t++) {
            small[t] /= 10;
        }
        for (int t = 300; t < 400; t++) {
            falling[t] = 0;
        }
        SeriesBatch children = batch(steady, falling, small);

        RootCauseAttribution.Explanation why = attribution.explain(children, 300);

        assertThat(why.deviation()).isNegative();
        assertThat(why.causes()).extracting(RootCause::key).first().isEqualTo(List.of("s1"));
        assertThat(why.causes().getFirst().share()).isCloseTo(1.0, within(0.2));
        assertThat(why.actual()).isCloseTo(steady[300] + small[300], within(1e-9));
    }

    @Test
    void refusesAStepOutsideTheSeries() {
        SeriesBatch children = batch(noisy(10, 1));
        assertThatThrownBy(() -> attribution.explain(children, 10)).hasMessageContaining("step 10");
    }
}
