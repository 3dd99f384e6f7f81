package dev.burnrate.engine.forecast;

import dev.burnrate.api.KernelException;
import dev.burnrate.engine.kernel.KernelRouter;
import dev.burnrate.engine.kernel.ReferenceBackend;
import dev.burnrate.engine.kernel.simd.JvmSimdBackend;
import dev.burnrate.engine.timeseries.SeriesBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ForecasterTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final JvmSimdBackend SIMD = new JvmSimdBackend(2, java.util.Map.of());
    private final Forecaster forecaster = new Forecaster(KernelRouter.always(new ReferenceBackend()),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterAll
    static void close() {
        SIMD.close();
    }

    private static double daily(int t) {
        return 100 + 30 * Math.sin(2 * Math.PI * (t % 24) / 24) + 7 * ((t % 24) > 17 ? 1 : 0);
    }

    @Test
    void pureSeasonalSeriesIsForecastExactly() throws KernelException {
        double[] y = new double[24 * 30];
        for (int t = 0; t < y.length; t++) {
            y[t] = daily(t);
        }
        SeriesForecast f = forecaster.forecast(List.of(y), Seasons.of(24), 48).getFirst();
        for (int k = 0; k < 48; k++) {
            assertThat(f.point()[k]).isCloseTo(daily(y.length + k), within(1e-9));
            assertThat(f.lower95()[k]).isCloseTo(daily(y.length + k), within(1e-6));
        }
        assertThat(f.model().validationMase()).isCloseTo(0, within(1e-9));
        assertThat(f.model().fittedAt()).isEqualTo(NOW);
    }

    @Test
    void linearTrendIsRecovered() throws KernelException {
        double[] y = new double[24 * 30];
        for (int t = 0; t < y.length; t++) {
            y[t] = 500 + 2.5 * t + daily(t);
        }
        SeriesForecast f = forecaster.forecast(List.of(y), Seasons.of(24), 48).getFirst();
        for (int k = 0; k < 48; k++) {
            assertThat(f.point()[k]).isCloseTo(500 + 2.5 * (y.length + k) + daily(y.length + k), within(1e-4));
        }
    }

    @Test
    void noisySeriesGetOrderedQuantilesAndAModelRecordFromValidation() throws KernelException {
        SplittableRandom random = new SplittableRandom(3);
        List<double[]> series = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            double[] y = new double[24 * 35];
            for (int t = 0; t < y.length; t++) {
                y[t] = (1 + s) * (daily(t) + 10 * random.nextGaussian());
            }
            series.add(y);
        }
        List<SeriesForecast> reference = forecaster.forecast(series, Seasons.of(24), 24);
        List<SeriesForecast> simd = new Forecaster(KernelRouter.always(SIMD), Clock.fixed(NOW, ZoneOffset.UTC))
                .forecast(series, Seasons.of(24), 24);
        for (int s = 0; s < series.size(); s++) {
            SeriesForecast f = reference.get(s);
            assertThat(simd.get(s).point()).as("jvm-simd gives the reference's forecast").isEqualTo(f.point());
            assertThat(f.model().family()).isEqualTo("combination");
            assertThat(f.model().validationOrigins()).isEqualTo(4);
            assertThat(f.model().components()).isNotEmpty();
            assertThat(f.model().validationMase()).isBetween(0.1, 2.0);
            for (int k = 0; k < 24; k++) {
                assertThat(f.lower95()[k]).isLessThan(f.p10()[k]);
                assertThat(f.p10()[k]).isLessThan(f.point()[k]);
                assertThat(f.point()[k]).isLessThan(f.p90()[k]);
                assertThat(f.p90()[k]).isLessThan(f.upper95()[k]);
            }
        }
    }

    @Test
    void oddSeriesGetASimplerModelAndAReasonNeverAnException() throws KernelException {
        double[] empty = {Double.NaN, Double.NaN};
        double[] zeros = new double[24 * 10];
        double[] constant = new double[24 * 10];
        java.util.Arrays.fill(constant, 4.5);
        double[] shortSeries = new double[30];
        for (int t = 0; t < 30; t++) {
            shortSeries[t] = daily(t);
        }
        double[] three = {5, 7, 6};
        double[] huge = new double[24 * 30];
        double[] credits = new double[24 * 30];
        double[] gaps = new double[24 * 30];
        double[] shift = new double[24 * 30];
        for (int t = 0; t < huge.length; t++) {
            huge[t] = 1e300 * daily(t) / 200;
            credits[t] = daily(t) - 120;
            gaps[t] = t % 17 == 0 ? Double.NaN : daily(t);
            shift[t] = daily(t) + (t > 24 * 25 ? 300 : 0);
        }
        List<double[]> odd = List.of(empty, zeros, constant, shortSeries, three, huge, credits, gaps, shift);
        List<SeriesForecast> out = forecaster.forecast(odd, Seasons.of(24), 48);
        List<SeriesForecast> onSimd = new Forecaster(KernelRouter.always(SIMD), Clock.fixed(NOW, ZoneOffset.UTC))
                .forecast(odd, Seasons.of(24), 48);
        for (int s = 0; s < odd.size(); s++) {
            assertThat(onSimd.get(s).point()).as("jvm-simd, series %d", s).isEqualTo(out.get(s).point());
            assertThat(onSimd.get(s).upper95()).as("jvm-simd, series %d", s).isEqualTo(out.get(s).upper95());
        }
        for (SeriesForecast f : out) {
            for (double[] values : List.of(f.point(), f.p10(), f.p90(), f.lower95(), f.upper95())) {
                assertThat(values).hasSize(48);
                assertThat(java.util.Arrays.stream(values).allMatch(Double::isFinite)).as(f.model().reason()).isTrue();
            }
            assertThat(f.model().reason()).isNotBlank();
        }
        assertThat(out.get(0).model().reason()).contains("no observations");
        assertThat(out.get(1).model().reason()).contains("zero");
        assertThat(out.get(1).point()).containsOnly(0.0);
        assertThat(out.get(2).point()).containsOnly(4.5);
        assertThat(out.get(3).model().family()).isEqualTo("seasonal-naive");
        assertThat(out.get(3).model().reason()).contains("30 observations");
        assertThat(out.get(4).model().family()).isEqualTo("median");
        assertThat(out.get(4).point()).containsOnly(6.0);
        assertThat(out.get(5).point()[0]).isCloseTo(1e300 * daily(huge.length) / 200, within(1e290));
        assertThat(out.get(6).model().reason()).contains("negative");
        assertThat(java.util.Arrays.stream(out.get(6).lower95()).anyMatch(v -> v < 0)).isTrue();
        assertThat(out.get(7).model().reason()).contains("missing steps filled");
        assertThat(out.get(7).point()[5]).isCloseTo(daily(gaps.length + 5), within(1e-6));
        assertThat(out.get(8).point()[0]).as("after a level shift the new level").isCloseTo(
                daily(shift.length) + 300, within(5.0));
    }

    @Test
    void batchesFromTheExplorerAreForecastPerSeries() throws KernelException {
        int length = 24 * 20;
        double[] values = new double[2 * length];
        for (int t = 0; t < length; t++) {
            values[t] = daily(t);
            values[length + t] = t < 24 * 3 ? Double.NaN : 2 * daily(t);
        }
        SeriesBatch batch = new SeriesBatch(List.of(List.of("team-a"), List.of("team-b")),
                Instant.parse("2026-11-01T00:00:00Z"), Duration.ofHours(1), length, values);
        List<SeriesForecast> out = forecaster.forecast(batch, Seasons.of(24), 24);
        assertThat(out).hasSize(2);
        assertThat(out.get(0).point()[3]).isCloseTo(daily(length + 3), within(1e-9));
        // team b started three days late: its steps keep their phase after the leading gap is dropped
        assertThat(out.get(1).point()[3]).isCloseTo(2 * daily(length + 3), within(1e-9));
    }
}
