package dev.burnrate.engine.forecast.bench;

import dev.burnrate.api.ComputeBackend;
import dev.burnrate.engine.forecast.Forecaster;
import dev.burnrate.engine.forecast.Seasons;
import dev.burnrate.engine.forecast.SeriesForecast;
import dev.burnrate.engine.kernel.KernelRouter;
import dev.burnrate.engine.kernel.ReferenceBackend;
import dev.burnrate.engine.kernel.simd.JvmSimdBackend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The forecasting harness's engine side: forecasts every series of an M4-layout training file and writes
 * {@code forecast.csv}, {@code lower.csv} and {@code upper.csv} (95%) in the same layout, plus the chosen models.
 * Prints the series fitted per second. Run by {@code app/engine/forecast-bench.sh}.
 *
 * <p>Usage: {@code TRAIN.csv HORIZON SEASON OUTDIR [BACKEND]} (BACKEND: jvm-simd, the default, or reference).
 */
public final class ForecastBenchmark {

    private ForecastBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: ForecastBenchmark TRAIN.csv HORIZON SEASON OUTDIR [jvm-simd|reference]");
            System.exit(2);
        }
        List<M4Files.Row> rows = M4Files.read(Path.of(args[0]));
        int horizon = Integer.parseInt(args[1]);
        Seasons seasons = Seasons.of(Integer.parseInt(args[2]));
        Path out = Files.createDirectories(Path.of(args[3]));
        String backendId = args.length > 4 ? args[4] : JvmSimdBackend.ID;
        try (ComputeBackend backend = ReferenceBackend.ID.equals(backendId) ? new ReferenceBackend()
                : new JvmSimdBackend()) {
            Forecaster.Settings d = Forecaster.Settings.DEFAULT;
            // -Dforecast.origins=... etc. only to study the harness; the defaults are what the product runs
            Forecaster.Settings settings = new Forecaster.Settings(Integer.getInteger("forecast.origins", d.origins()),
                    Integer.getInteger("forecast.combined", d.combined()),
                    Double.parseDouble(System.getProperty("forecast.within", String.valueOf(d.within()))),
                    Integer.getInteger("forecast.regressionWindow", d.regressionWindow()));
            Forecaster forecaster = new Forecaster(KernelRouter.always(backend), Clock.systemUTC(), settings);
            List<double[]> series = rows.stream().map(M4Files.Row::values).toList();
            forecaster.forecast(series.subList(0, Math.min(series.size(), 16)), seasons, horizon); // JIT warm-up
            long start = System.nanoTime();
            List<SeriesForecast> forecasts = forecaster.forecast(series, seasons, horizon);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<String> ids = rows.stream().map(M4Files.Row::id).toList();
            M4Files.write(out.resolve("forecast.csv"), ids, forecasts.stream().map(SeriesForecast::point).toList());
            M4Files.write(out.resolve("lower.csv"), ids, forecasts.stream().map(SeriesForecast::lower95).toList());
            M4Files.write(out.resolve("upper.csv"), ids, forecasts.stream().map(SeriesForecast::upper95).toList());
            writeModels(out.resolve("models.csv"), ids, forecasts);
            writeSeasonalNaive(out.resolve("seasonal-naive.csv"), ids, series, horizon, seasons.primary());
            System.out.printf(Locale.ROOT, "burnrate (%s, %d threads): %d series fitted and forecast in %.2f s = "
                            + "%.1f series/s%n", backend.id(), Runtime.getRuntime().availableProcessors(), rows.size(),
                    seconds, rows.size() / seconds);
            summarise(forecasts);
        }
    }

    private static void writeModels(Path file, List<String> ids, List<SeriesForecast> forecasts) throws Exception {
        List<String> lines = new ArrayList<>(List.of("id,family,validation_mase,origins,components,reason"));
        for (int s = 0; s < ids.size(); s++) {
            var m = forecasts.get(s).model();
            lines.add(String.format(Locale.ROOT, "%s,%s,%.4f,%d,\"%s\",\"%s\"", ids.get(s), m.family(),
                    m.validationMase(), m.validationOrigins(), String.join(" | ", m.components()), m.reason()));
        }
        Files.write(file, lines);
    }

    /** The 1, 5 and 15 minute load averages (other builds share the machine). */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** The scorer check: the last cycle repeated (M4 Hourly: sMAPE 13.912, MASE 1.193). */
    private static void writeSeasonalNaive(Path file, List<String> ids, List<double[]> series, int horizon,
                                           int period) throws Exception {
        List<double[]> values = new ArrayList<>();
        for (double[] y : series) {
            double[] f = new double[horizon];
            int m = Math.min(period, y.length);
            for (int k = 0; k < horizon; k++) {
                f[k] = y[y.length - m + (k % m)];
            }
            values.add(f);
        }
        M4Files.write(file, ids, values);
    }

    /** How often each candidate was chosen: a quick view of what the data favours. */
    private static void summarise(List<SeriesForecast> forecasts) {
        Map<String, Integer> counts = new TreeMap<>();
        for (SeriesForecast f : forecasts) {
            for (String c : f.model().components()) {
                counts.merge(c.replaceAll(" alpha=.*", ""), 1, Integer::sum);
            }
        }
        counts.forEach((name, n) -> System.out.printf("  chosen %4d x %s%n", n, name));
    }
}
