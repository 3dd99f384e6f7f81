package dev.burnrate.engine.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * A series made safe to model: leading and trailing missing steps dropped, missing steps inside filled from one
 * primary cycle earlier (else the previous value), with notes on what was done and what is odd about the data.
 *
 * @param y        the clean values divided by {@code unit}, so that squares of huge amounts cannot overflow
 * @param unit     the largest absolute value (1 when all are zero): multiply forecasts by it
 * @param missing  how many missing steps were filled
 * @param notes    what was found (filled gaps, negative values, ...), for the model record's reason
 */
record PreparedSeries(double[] y, double unit, int missing, boolean positive, boolean constant, List<String> notes) {

    int length() {
        return y.length;
    }

    static PreparedSeries of(double[] raw, int from, int to, int period) {
        while (from < to && !Double.isFinite(raw[from])) {
            from++;
        }
        while (to > from && !Double.isFinite(raw[to - 1])) {
            to--;
        }
        double[] y = new double[to - from];
        int missing = 0;
        boolean positive = true;
        for (int t = 0; t < y.length; t++) {
            double v = raw[from + t];
            if (!Double.isFinite(v)) {
                missing++;
                v = t >= period ? y[t - period] : y[t - 1];
            }
            y[t] = v;
            positive &= v > 0;
        }
        double unit = 0;
        for (double v : y) {
            unit = Math.max(unit, Math.abs(v));
        }
        unit = unit > 0 && Double.isFinite(unit) ? unit : 1.0;
        for (int t = 0; t < y.length; t++) {
            y[t] /= unit;
        }
        boolean constant = true;
        for (int t = 1; t < y.length && constant; t++) {
            constant = y[t] == y[0];
        }
        List<String> notes = new ArrayList<>();
        if (missing > 0) {
            notes.add(missing + " missing steps filled from one cycle earlier");
        }
        for (double v : y) {
            if (v < 0) {
                notes.add("negative values (credits) present: modelled on the original scale");
                break;
            }
        }
        return new PreparedSeries(y, unit, missing, positive && y.length > 0, constant, List.copyOf(notes));
    }
}
