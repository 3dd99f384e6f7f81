package dev.burnrate.engine.forecast;

import dev.burnrate.api.KernelException;
import dev.burnrate.engine.kernel.ExpSmoothingKernel;

import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The candidate models and their forecasts for a block of series from a given origin ({@code cut} steps before
 * each series' end). A candidate that the series is too short for yields NaN and takes no part in the choice.
 */
final class Candidates {

    /** A per-series model: its name, the steps it needs, and its forecast from {@code y[0..n)}. */
    private record Simple(String name, Need need, Model model) {
    }

    private interface Need {
        boolean enough(int n, Seasons s, int horizon, Forecaster.Settings settings);
    }

    private interface Model {
        void forecast(double[] y, int n, Seasons s, Forecaster.Settings settings, double[] out);
    }

    private static final List<Simple> SIMPLE = List.of(
            new Simple("seasonal-naive(primary)", (n, s, h, o) -> n >= s.primary(),
                    (y, n, s, o, out) -> Baselines.seasonalNaive(y, n, s.primary(), out)),
            new Simple("seasonal-naive(secondary)", (n, s, h, o) -> s.secondary() > 0 && n >= s.secondary(),
                    (y, n, s, o, out) -> Baselines.seasonalNaive(y, n, s.secondary(), out)),
            new Simple("mean-of-3-cycles(primary)", (n, s, h, o) -> s.seasonal() && n >= 3 * s.primary(),
                    (y, n, s, o, out) -> Baselines.profile(y, n, s.primary(), 3, false, 0, out)),
            new Simple("median-of-7-cycles(primary)", (n, s, h, o) -> s.seasonal() && n >= 7 * s.primary(),
                    (y, n, s, o, out) -> Baselines.profile(y, n, s.primary(), 7, true, 0, out)),
            new Simple("median-of-3-cycles(secondary)+level", (n, s, h, o) -> s.secondary() > 0 && n >= 3 * s.secondary(),
                    (y, n, s, o, out) -> Baselines.profile(y, n, s.secondary(), 3, true, s.primary(), out)),
            new Simple("mean-of-2-cycles(secondary)+level", (n, s, h, o) -> s.secondary() > 0 && n >= 2 * s.secondary(),
                    (y, n, s, o, out) -> Baselines.profile(y, n, s.secondary(), 2, false, s.primary(), out)),
            new Simple("seasonal-naive(fitted period)", (n, s, h, o) -> s.primary() >= 4 && n >= 3 * s.primary(),
                    (y, n, s, o, out) -> Baselines.seasonalNaive(y, n, Baselines.fittedPeriod(y, n, s.primary()), out)),
            new Simple("mean-of-3-cycles(fitted period)", (n, s, h, o) -> s.primary() >= 4 && n >= 8 * s.primary(),
                    (y, n, s, o, out) -> Baselines.profile(y, n, Baselines.fittedPeriod(y, n, s.primary()), 3, false, 0,
                            out)));

    private static final String DIRECT = "direct-regression";
    private static final String[] FOURIER = {"fourier+trend", "fourier"};

    private static final String[] SMOOTHING = {"exp-smoothing(primary)", "exp-smoothing(primary+secondary)"};

    private Candidates() {
    }

    static int window(int n, Seasons s) {
        return Math.min(n, Math.max(4 * s.longest(), 48));
    }

    static int harmonics(int period) {
        return Math.min(10, (period - 1) / 2);
    }

    /** Names of the candidates, in the order of {@link #forecast}'s first index. */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        SIMPLE.forEach(c -> names.add(c.name()));
        names.add(DIRECT);
        names.addAll(List.of(FOURIER));
        for (String family : SMOOTHING) {
            names.add(family);
            names.add(family + " in logs");
        }
        return names;
    }

    /** Steps a series needs before the exponential smoothing candidates are fitted. */
    static int smoothingNeed(Seasons s) {
        return 2 * s.longest();
    }

    /**
     * Forecasts {@code [cut][candidate][series][step]} from {@code cuts[i]} steps before each series' end;
     * {@code params} receives each smoothing candidate's parameters at the first cut ({@code [candidate][series]}).
     */
    static double[][][][] forecast(List<PreparedSeries> series, int[] cuts, Seasons seasons, int horizon,
                                   Forecaster.Settings settings, SmoothingFits smoothing, String[][] params)
            throws KernelException {
        int count = series.size();
        int candidates = names().size();
        double[][][][] out = new double[cuts.length][candidates][count][];
        // Series are independent: the per-series models run on all cores (the smoothing kernels on the backend's),
        // every cut of one series together so the Fourier regression sums its rows once.
        IntStream.range(0, count).parallel().forEach(s -> {
            double[] y = series.get(s).y();
            FourierRegression.Prefix fourier = null;
            DirectRegression.Prefix direct = null;
            int shortest = y.length - java.util.Arrays.stream(cuts).max().orElse(0);
            for (int i = 0; i < cuts.length; i++) {
                int n = y.length - cuts[i];
                for (int c = 0; c < SIMPLE.size(); c++) {
                    Simple candidate = SIMPLE.get(c);
                    double[] f = unavailable(horizon);
                    if (n > 0 && candidate.need().enough(n, seasons, horizon, settings)) {
                        candidate.model().forecast(y, n, seasons, settings, f);
                    }
                    out[i][c][s] = f;
                }
                double[] d = unavailable(horizon);
                if (n > 0 && DirectRegression.enough(n, seasons, horizon, settings.regressionWindow())) {
                    direct = direct != null ? direct : new DirectRegression.Prefix(y, shortest, seasons, horizon,
                            settings.regressionWindow());
                    direct.forecast(n, settings.regressionWindow(), d);
                }
                out[i][SIMPLE.size()][s] = d;
                boolean fits = n >= 2 * seasons.longest() && n >= 8;
                if (fits && fourier == null) {
                    fourier = new FourierRegression.Prefix(y, Math.max(0, shortest - window(Integer.MAX_VALUE,
                            seasons)), seasons, harmonics(seasons.primary()), harmonics(seasons.secondary()));
                }
                for (int v = 0; v < FOURIER.length; v++) {
                    double[] f = unavailable(horizon);
                    if (fits) {
                        fourier.forecast(n, window(n, seasons), v == 0, f);
                    }
                    out[i][SIMPLE.size() + 1 + v][s] = f;
                }
            }
        });
        for (int i = 0; i < cuts.length; i++) {
            smoothing(series, cuts[i], seasons, horizon, smoothing, out[i], i == 0 ? params : null);
        }
        return out;
    }

    private static double[] unavailable(int horizon) {
        double[] f = new double[horizon];
        java.util.Arrays.fill(f, Double.NaN);
        return f;
    }

    private static void smoothing(List<PreparedSeries> series, int cut, Seasons seasons, int horizon,
                                  SmoothingFits fits, double[][][] out, String[][] params) throws KernelException {
        int count = series.size();
        int length = 1;
        for (PreparedSeries p : series) {
            length = Math.max(length, p.length());
        }
        // rows 0..count-1: raw values; rows count..2*count-1: logs (NaN where a series is not positive)
        DoubleBuffer values = SmoothingFits.doubles(2 * count * length);
        int[] lengths = new int[2 * count];
        for (int s = 0; s < count; s++) {
            PreparedSeries p = series.get(s);
            int n = p.length() - cut;
            boolean enough = n >= smoothingNeed(seasons);
            for (int t = 0; t < Math.max(0, n); t++) {
                values.put(s * length + t, p.y()[t]);
                values.put((count + s) * length + t, p.positive() ? Math.log(p.y()[t]) : 0.0);
            }
            lengths[s] = enough ? n : 0;
            lengths[count + s] = enough && p.positive() ? n : 0;
        }
        SmoothingFits.Result result = fits.fit(values, 2 * count, length, lengths, seasons, horizon);
        int first = SIMPLE.size() + 1 + FOURIER.length;
        for (int family = 0; family < SmoothingFits.FAMILIES; family++) {
            for (int log = 0; log < 2; log++) {
                int c = first + 2 * family + log;
                for (int s = 0; s < count; s++) {
                    int row = log * count + s;
                    double[] f = new double[horizon];
                    boolean usable = lengths[row] > 0 && (family == 0 || seasons.secondary() > 0);
                    for (int k = 0; k < horizon; k++) {
                        double v = result.forecasts()[family][row * horizon + k];
                        f[k] = !usable ? Double.NaN : log == 1 ? Math.exp(Math.min(v, 700)) : v;
                    }
                    out[c][s] = f;
                    if (params != null && usable) {
                        params[c][s] = describe(result.params()[family], row);
                    }
                }
            }
        }
    }

    private static String describe(double[] params, int row) {
        int p = row * ExpSmoothingKernel.PARAMS;
        return String.format(Locale.ROOT, "alpha=%.2f beta=%.2f phi=%.2f gamma=%.2f delta=%.2f", params[p],
                params[p + 1], params[p + 2], params[p + 3], params[p + 4]);
    }
}
