package dev.burnrate.engine.forecast;

import dev.burnrate.api.KernelException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Rolling-origin validation and combination for series long enough to validate: every candidate forecasts from
 * origins one horizon apart before the end; per series the {@code combined} candidates with the lowest mean scaled
 * error are averaged, refitted on the whole series, and the combination's own errors at those origins set the
 * intervals.
 */
final class Selection {

    private final List<PreparedSeries> series;
    private final Seasons seasons;
    private final int horizon;
    private final Forecaster.Settings settings;
    private final Instant fittedAt;

    Selection(List<PreparedSeries> series, Seasons seasons, int horizon, Forecaster.Settings settings,
              Instant fittedAt) {
        this.series = series;
        this.seasons = seasons;
        this.horizon = horizon;
        this.settings = settings;
        this.fittedAt = fittedAt;
    }

    /** Origins series {@code s} can be validated at: its training part keeps two primary cycles. */
    int origins(PreparedSeries p) {
        int possible = (p.length() - SimpleForecasts.minimumHistory(seasons)) / horizon;
        return Math.max(0, Math.min(settings.origins(), possible));
    }

    List<SeriesForecast> run(SmoothingFits fits) throws KernelException {
        List<String> names = Candidates.names();
        int count = series.size();
        String[][] params = new String[names.size()][count];
        int[] cuts = new int[settings.origins() + 1];
        for (int j = 0; j <= settings.origins(); j++) {
            cuts[j] = j * horizon;
        }
        double[][][][] all = Candidates.forecast(series, cuts, seasons, horizon, settings, fits, params);
        double[][][] finals = all[0];
        double[][][][] atOrigin = java.util.Arrays.copyOfRange(all, 1, all.length);
        double[][] combined = new double[count][];
        double[][][] errors = new double[count][][];
        List<List<Integer>> chosen = new ArrayList<>();
        double[] validation = new double[count];
        for (int s = 0; s < count; s++) {
            PreparedSeries p = series.get(s);
            int origins = origins(p);
            double scale = scale(p.y(), p.length(), seasons.primary());
            double[] score = new double[names.size()];
            for (int c = 0; c < names.size(); c++) {
                score[c] = finite(finals[c][s]) ? 0 : Double.POSITIVE_INFINITY;
                for (int j = 0; j < origins && score[c] < Double.POSITIVE_INFINITY; j++) {
                    double[] f = atOrigin[j][c][s];
                    score[c] += finite(f) ? mae(p.y(), p.length() - (j + 1) * horizon, f) / scale / origins
                            : Double.POSITIVE_INFINITY;
                }
            }
            int s0 = s;
            List<Integer> ranked = IntStream.range(0, names.size()).filter(c -> score[c] < Double.POSITIVE_INFINITY)
                    .boxed().sorted(Comparator.comparingDouble(c -> score[c])).limit(settings.combined()).toList();
            // seasonal naive is always finite here, so the ranking is never empty; a guard all the same
            List<Integer> best = ranked.isEmpty() ? List.of(0) : ranked.stream()
                    .filter(c -> score[c] <= settings.within() * score[ranked.getFirst()]).toList();
            chosen.add(best);
            combined[s] = mean(best.stream().map(c -> finals[c][s0]).toList());
            errors[s] = new double[origins][horizon];
            double total = 0;
            for (int j = 0; j < origins; j++) {
                int jj = j;
                double[] f = mean(best.stream().map(c -> atOrigin[jj][c][s0]).toList());
                int start = p.length() - (j + 1) * horizon;
                for (int k = 0; k < horizon; k++) {
                    errors[s][j][k] = (p.y()[start + k] - f[k]) / scale;
                    total += Math.abs(errors[s][j][k]);
                }
            }
            validation[s] = total / (origins * horizon);
        }
        Intervals.Calibration calibration = Intervals.calibrate(errors, horizon);
        List<SeriesForecast> out = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            PreparedSeries p = series.get(s);
            double scale = scale(p.y(), p.length(), seasons.primary()) * p.unit();
            double spread = Intervals.spread(errors[s], -1, calibration.profile()) * scale;
            List<String> components = new ArrayList<>();
            for (int c : chosen.get(s)) {
                components.add(params[c][s] == null ? names.get(c) : names.get(c) + " " + params[c][s]);
            }
            String reason = String.format(Locale.ROOT, "mean of the %d candidates with the lowest error over %d "
                    + "rolling origins of %d steps (of %d candidates)", chosen.get(s).size(), errors[s].length,
                    horizon, names.size());
            if (!p.notes().isEmpty()) {
                reason += "; " + String.join("; ", p.notes());
            }
            ModelRecord model = new ModelRecord("combination", components, fittedAt, validation[s],
                    errors[s].length, reason);
            out.add(Bands.of(combined[s], p.unit(), spread, calibration, nonNegative(p), model));
        }
        return out;
    }

    static boolean nonNegative(PreparedSeries p) {
        for (double v : p.y()) {
            if (v < 0) {
                return false;
            }
        }
        return true;
    }

    /** The MASE denominator: mean absolute seasonal difference, else first difference, else mean level, else 1. */
    static double scale(double[] y, int n, int period) {
        for (int lag : new int[]{period, 1}) {
            if (n > lag) {
                double sum = 0;
                for (int t = lag; t < n; t++) {
                    sum += Math.abs(y[t] - y[t - lag]);
                }
                if (sum > 0) {
                    return sum / (n - lag);
                }
            }
        }
        double level = 0;
        for (int t = 0; t < n; t++) {
            level += Math.abs(y[t]) / n;
        }
        return level > 0 ? level : 1.0;
    }

    private static double mae(double[] y, int start, double[] f) {
        double sum = 0;
        for (int k = 0; k < f.length; k++) {
            sum += Math.abs(y[start + k] - f[k]);
        }
        return sum / f.length;
    }

    private static boolean finite(double[] f) {
        for (double v : f) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static double[] mean(List<double[]> forecasts) {
        double[] out = new double[forecasts.getFirst().length];
        for (double[] f : forecasts) {
            for (int k = 0; k < out.length; k++) {
                out[k] += f[k] / forecasts.size();
            }
        }
        return out;
    }
}
