package dev.burnrate.engine.timeseries;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Many aligned time series in one flat array, the shape the forecasting and anomaly kernels take: series {@code s},
 * step {@code t} is {@code values[s * length + t]}, at time {@code start + t * step}. A missing observation is NaN;
 * whether a gap is missing or a real zero is decided when the batch is built (see {@link GapPolicy}).
 *
 * @param keys   one key per series (the group's values, e.g. team, service), in series order
 * @param start  the time of step 0
 * @param step   the spacing of the steps (an hour or a day)
 * @param length steps per series
 * @param values {@code keys.size() * length} values, row-major
 */
public record SeriesBatch(List<List<String>> keys, Instant start, Duration step, int length, double[] values) {

    public SeriesBatch {
        keys = List.copyOf(keys);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(step, "step");
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be positive: " + step);
        }
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative: " + length);
        }
        if ((long) keys.size() * length != values.length) {
            throw new IllegalArgumentException("values holds " + values.length + " numbers, but " + keys.size()
                    + " series of " + length + " steps need " + (long) keys.size() * length);
        }
    }

    /** How many series the batch holds. */
    public int count() {
        return keys.size();
    }

    /** The value of series {@code s} at step {@code t} (NaN when missing). */
    public double value(int s, int t) {
        return values[s * length + t];
    }

    /** The time of step {@code t}. */
    public Instant time(int t) {
        return start.plus(step.multipliedBy(t));
    }

    /** The time just after the last step: where a forecast starts. */
    public Instant end() {
        return time(length);
    }

    /** A copy of series {@code s}. */
    public double[] series(int s) {
        double[] out = new double[length];
        System.arraycopy(values, s * length, out, 0, length);
        return out;
    }
}
