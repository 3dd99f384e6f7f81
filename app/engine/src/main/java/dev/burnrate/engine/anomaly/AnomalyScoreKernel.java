package dev.burnrate.engine.anomaly;

import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;
import dev.burnrate.api.KernelNames;
import dev.burnrate.engine.kernel.BoundKernel;
import dev.burnrate.engine.kernel.KernelArgs;

import java.nio.DoubleBuffer;

/**
 * The reference streaming anomaly scorer ({@link KernelNames#ANOMALY_SCORE}): one series per item, scanned in time
 * order with its state in locals. The contract in {@link KernelNames} is the specification; this class spells
 * it out operation by operation, and the jvm-simd backend runs the same {@link #scan} on many threads.
 */
public final class AnomalyScoreKernel {

    public static final int WIDTH = KernelNames.ANOMALY_STATE_WIDTH;
    static final int N = 0;
    static final int LEVEL = 1;
    static final int SCALE = 2;
    static final int MEAN = 3;
    static final int VAR = 4;
    static final int SHORT = 5;
    static final int PEAK = 6;
    static final int LO = 7;
    static final int HI = 8;
    static final int FAST = 9;
    static final int SLOW = 10;
    static final int SLOW_SCALE = 11;
    static final int SHIFT_MEAN = 12;
    static final int SHIFT_VAR = 13;

    /**
     * Observed points before the likelihood and the range breach speak (the scale must settle first), unless a
     * launch says otherwise: NAB's probationary data is at least this long; daily cost series are shorter.
     */
    public static final int DEFAULT_WARMUP = 100;
    static final double HUGE = 1e300;
    private static final double LN_1E_10 = StrictMath.log(1e-10);

    private AnomalyScoreKernel() {
    }

    /** A checked launch. */
    public record Args(int series, int length, int warmup, DoubleBuffer values, DoubleBuffer stateIn, DoubleBuffer score,
                       DoubleBuffer expected, DoubleBuffer stateOut) {

        public static Args from(KernelLaunch launch) throws KernelException {
            int series = launch.size();
            int length = KernelArgs.intAtLeast(launch, "length", 0);
            int warmup = KernelArgs.intAtLeast(launch, "warmup", 1);
            long points = (long) series * length;
            long state = (long) series * WIDTH;
            return new Args(series, length, warmup, KernelArgs.input(launch, "values", DoubleBuffer.class, points),
                    KernelArgs.input(launch, "stateIn", DoubleBuffer.class, state),
                    KernelArgs.output(launch, "score", DoubleBuffer.class, points),
                    KernelArgs.output(launch, "expected", DoubleBuffer.class, points),
                    KernelArgs.output(launch, "stateOut", DoubleBuffer.class, state));
        }
    }

    public static BoundKernel bind(KernelLaunch launch) throws KernelException {
        Args args = Args.from(launch);
        return new BoundKernel() {
            public int items() {
                return args.series();
            }

            public void run(int from, int to) {
                AnomalyScoreKernel.run(args, from, to);
            }
        };
    }

    /** Scans series {@code [from, to)}; allocation-free. */
    public static void run(Args a, int from, int to) {
        for (int s = from; s < to; s++) {
            scan(a, s);
        }
    }

    static void scan(Args a, int s) {
        DoubleBuffer st = a.stateIn();
        int base = s * WIDTH;
        double n = st.get(base + N);
        double level = st.get(base + LEVEL);
        double scale = st.get(base + SCALE);
        double mean = st.get(base + MEAN);
        double var = st.get(base + VAR);
        double shortMean = st.get(base + SHORT);
        double peak = st.get(base + PEAK);
        double lo = st.get(base + LO);
        double hi = st.get(base + HI);
        double fast = st.get(base + FAST);
        double slow = st.get(base + SLOW);
        double slowScale = st.get(base + SLOW_SCALE);
        double shiftMean = st.get(base + SHIFT_MEAN);
        double shiftVar = st.get(base + SHIFT_VAR);
        int row = s * a.length();
        for (int t = 0; t < a.length(); t++) {
            double value = a.values().get(row + t);
            if (!Double.isFinite(value)) {
                a.score().put(row + t, 0);
                a.expected().put(row + t, n > 0 ? level : Double.NaN);
                continue;
            }
            // Beyond 1e300 nothing is a cost any more; clamping keeps every difference below finite (no inf - inf).
            double x = Math.max(-HUGE, Math.min(HUGE, value));
            if (n == 0) {
                level = x;
                lo = x;
                hi = x;
                fast = x;
                slow = x;
                n = 1;
                a.score().put(row + t, 0);
                a.expected().put(row + t, x);
                continue;
            }
            a.expected().put(row + t, level);
            double r = x - level;
            double z = Math.abs(r) / Math.max(scale, 1e-9 * (Math.abs(level) + 1e-9));
            double raw = Double.isNaN(z) ? 0 : Math.min(z, 20);
            double clipped = n < 10 ? r : Math.max(-4 * scale, Math.min(4 * scale, r));
            level = level + 0.02 * clipped;
            double absolute = n < 10 ? Math.abs(r) : Math.min(Math.abs(r), 4 * scale);
            scale = n < 2 ? Math.abs(r) : scale + 0.02 * (absolute - scale);
            shortMean = shortMean + 0.5 * (raw - shortMean);
            double likely = 0;
            if (n > a.warmup()) {
                double d = (shortMean - mean) / (StrictMath.sqrt(var) + 1e-6);
                likely = logTail(d);
            }
            double w = n < 50 ? 1.0 / n : 0.02;
            double dm = raw - mean;
            mean = mean + w * dm;
            var = var + w * (dm * dm - var);
            // Level shifts: a fast mean drifting away from a slow, robust one, in slow scales.
            double slowResidual = x - slow;
            fast = fast + 0.05 * (x - fast);
            double shift = Math.abs(fast - slow) / Math.max(slowScale, 1e-9 * (Math.abs(slow) + 1e-9));
            double shiftRaw = Double.isNaN(shift) ? 0 : Math.min(shift, 20);
            slow = slow + 0.01 * (n < 10 ? slowResidual
                    : Math.max(-4 * slowScale, Math.min(4 * slowScale, slowResidual)));
            slowScale = n < 2 ? Math.abs(slowResidual)
                    : slowScale + 0.01 * (Math.min(Math.abs(slowResidual), 4 * slowScale) - slowScale);
            if (n > a.warmup()) {
                double d = (shiftRaw - shiftMean) / (StrictMath.sqrt(shiftVar) + 1e-6);
                likely = Math.max(likely, logTail(d));
            }
            double ws = n < 200 ? 1.0 / n : 0.005;
            double ds = shiftRaw - shiftMean;
            shiftMean = shiftMean + ws * ds;
            shiftVar = shiftVar + ws * (ds * ds - shiftVar);
            double margin = 0.05 * (hi - lo);
            if (n > a.warmup() && (x > hi + margin || x < lo - margin)) {
                likely = 1;
            }
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
            a.score().put(row + t, likely > peak + 0.1 ? likely : 0.1 * likely);
            peak = Math.max(0.99 * peak, likely);
            n = n + 1;
        }
        DoubleBuffer out = a.stateOut();
        out.put(base + N, n);
        out.put(base + LEVEL, level);
        out.put(base + SCALE, scale);
        out.put(base + MEAN, mean);
        out.put(base + VAR, var);
        out.put(base + SHORT, shortMean);
        out.put(base + PEAK, peak);
        out.put(base + LO, lo);
        out.put(base + HI, hi);
        out.put(base + FAST, fast);
        out.put(base + SLOW, slow);
        out.put(base + SLOW_SCALE, slowScale);
        out.put(base + SHIFT_MEAN, shiftMean);
        out.put(base + SHIFT_VAR, shiftVar);
    }

    /** How far into a standard normal's upper tail {@code d} lies, in [0, 1]: 0 up to the median, 1 from a tail
     * of 1e-10 on. */
    static double logTail(double d) {
        if (!(d > 0)) {
            return 0;
        }
        double tail = 0.5 * erfc(d / StrictMath.sqrt(2));
        return Math.max(0, Math.min(1, StrictMath.log(Math.max(tail, 1e-300)) / LN_1E_10));
    }

    /** Complementary error function, Numerical Recipes' {@code erfcc} (fractional error below 1.2e-7). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * StrictMath.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223
                + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
