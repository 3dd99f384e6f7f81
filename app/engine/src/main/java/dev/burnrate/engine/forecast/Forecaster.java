package dev.burnrate.engine.forecast;

import dev.burnrate.api.KernelException;
import dev.burnrate.engine.kernel.KernelRouter;
import dev.burnrate.engine.timeseries.SeriesBatch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Forecasts many series at once. Per series it validates every candidate model at several rolling origins over
 * the last horizons of its history (never by in-sample fit), combines the best few, refits them on the whole
 * series, and sets prediction intervals from the combination's out-of-sample errors (see {@link Intervals}).
 * Series too short, constant or empty get a simpler model ({@link SimpleForecasts}) and the reason.
 */
public final class Forecaster {

    /**
     * Series per block: bounds memory (about 100 MiB for a block of 90-day hourly series) and is still plenty of
     * series for one block's errors to calibrate its intervals.
     */
    static final int BLOCK = 1024;

    private final KernelRouter router;
    private final Clock clock;
    private final Settings settings;

    /**
     * @param origins  rolling validation origins, one horizon apart, ending at the series' end
     * @param combined how many of the best-validated candidates are averaged at most
     * @param within   only candidates whose validation error is at most this multiple of the best one's
     * @param regressionWindow origins (steps) the direct regression learns from
     */
    public record Settings(int origins, int combined, double within, int regressionWindow) {
        public static final Settings DEFAULT = new Settings(4, 3, 1.3, 504);
    }

    public Forecaster(KernelRouter router, Clock clock) {
        this(router, clock, Settings.DEFAULT);
    }

    public Forecaster(KernelRouter router, Clock clock, Settings settings) {
        this.router = router;
        this.clock = clock;
        this.settings = settings;
    }

    /** Forecasts every series of an aligned batch {@code horizon} steps past its end. */
    public List<SeriesForecast> forecast(SeriesBatch batch, Seasons seasons, int horizon) throws KernelException {
        List<double[]> rows = new ArrayList<>(batch.count());
        for (int s = 0; s < batch.count(); s++) {
            rows.add(batch.series(s));
        }
        return forecast(rows, seasons, horizon);
    }

    /** Forecasts each series (NaN = missing; leading and trailing missing steps are ignored). */
    public List<SeriesForecast> forecast(List<double[]> series, Seasons seasons, int horizon)
            throws KernelException {
        if (horizon < 1) {
            throw new IllegalArgumentException("the horizon must be at least 1 step: " + horizon);
        }
        List<SeriesForecast> out = new ArrayList<>(series.size());
        for (int from = 0; from < series.size(); from += BLOCK) {
            out.addAll(block(series.subList(from, Math.min(series.size(), from + BLOCK)), seasons, horizon));
        }
        return out;
    }

    private List<SeriesForecast> block(List<double[]> raw, Seasons seasons, int horizon) throws KernelException {
        SeriesForecast[] results = new SeriesForecast[raw.size()];
        List<PreparedSeries> modelled = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int s = 0; s < raw.size(); s++) {
            PreparedSeries p = PreparedSeries.of(raw.get(s), 0, raw.get(s).length, seasons.primary());
            String simpler = SimpleForecasts.reasonForSimpler(p, seasons, horizon);
            if (simpler != null) {
                results[s] = SimpleForecasts.forecast(p, seasons, horizon, simpler, clock.instant());
            } else {
                modelled.add(p);
                index.add(s);
            }
        }
        if (!modelled.isEmpty()) {
            List<SeriesForecast> fitted = new Selection(modelled, seasons, horizon, settings, clock.instant())
                    .run(new SmoothingFits(router));
            for (int i = 0; i < fitted.size(); i++) {
                results[index.get(i)] = fitted.get(i);
            }
        }
        return List.of(results);
    }
}
