// KernelNames.ANOMALY_SCORE: one series per work-item, its steps in time order, its state in registers. The
// operations are the reference's (AnomalyScoreKernel) in the same order; exp and log are the device's, not
// fdlibm's, which is why the contract allows scores 1e-9 apart. ln(1e-10) comes from Java as an argument.

inline double anomaly_erfc(double x) {
    double z = fabs(x);
    double t = 1.0 / (1.0 + 0.5 * z);
    double r = t * exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
            + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223
            + t * 0.17087277)))))))));
    return x >= 0.0 ? r : 2.0 - r;
}

inline double anomaly_log_tail(double d, double lnTenBillionth) {
    if (!(d > 0.0)) {
        return 0.0;
    }
    double tail = 0.5 * anomaly_erfc(d / 0x1.6a09e667f3bcdp+0);
    return fmax(0.0, fmin(1.0, log(fmax(tail, 1e-300)) / lnTenBillionth));
}

__kernel void anomaly_score(const int length, const int size, const double warmup, const double lnTenBillionth,
                            __global const double *values, __global const double *stateIn,
                            __global double *score, __global double *expected, __global double *stateOut) {
    int s = get_global_id(0);
    if (s >= size) {
        return;
    }
    long base = (long) s * 14;
    double n = stateIn[base + 0];
    double level = stateIn[base + 1];
    double scale = stateIn[base + 2];
    double mean = stateIn[base + 3];
    double var = stateIn[base + 4];
    double shortMean = stateIn[base + 5];
    double peak = stateIn[base + 6];
    double lo = stateIn[base + 7];
    double hi = stateIn[base + 8];
    double fast = stateIn[base + 9];
    double slow = stateIn[base + 10];
    double slowScale = stateIn[base + 11];
    double shiftMean = stateIn[base + 12];
    double shiftVar = stateIn[base + 13];
    long row = (long) s * length;
    for (int t = 0; t < length; t++) {
        double value = values[row + t];
        if (!isfinite(value)) {
            score[row + t] = 0.0;
            expected[row + t] = n > 0.0 ? level : NAN;
            continue;
        }
        double x = fmax(-1e300, fmin(1e300, value));
        if (n == 0.0) {
            level = x;
            lo = x;
            hi = x;
            fast = x;
            slow = x;
            n = 1.0;
            score[row + t] = 0.0;
            expected[row + t] = x;
            continue;
        }
        expected[row + t] = level;
        double r = x - level;
        double z = fabs(r) / fmax(scale, 1e-9 * (fabs(level) + 1e-9));
        double raw = isnan(z) ? 0.0 : fmin(z, 20.0);
        double clipped = n < 10.0 ? r : fmax(-4.0 * scale, fmin(4.0 * scale, r));
        level = level + 0.02 * clipped;
        double absolute = n < 10.0 ? fabs(r) : fmin(fabs(r), 4.0 * scale);
        scale = n < 2.0 ? fabs(r) : scale + 0.02 * (absolute - scale);
        shortMean = shortMean + 0.5 * (raw - shortMean);
        double likely = 0.0;
        if (n > warmup) {
            likely = anomaly_log_tail((shortMean - mean) / (sqrt(var) + 1e-6), lnTenBillionth);
        }
        double w = n < 50.0 ? 1.0 / n : 0.02;
        double dm = raw - mean;
        mean = mean + w * dm;
        var = var + w * (dm * dm - var);
        double slowResidual = x - slow;
        fast = fast + 0.05 * (x - fast);
        double shift = fabs(fast - slow) / fmax(slowScale, 1e-9 * (fabs(slow) + 1e-9));
        double shiftRaw = isnan(shift) ? 0.0 : fmin(shift, 20.0);
        slow = slow + 0.01 * (n < 10.0 ? slowResidual
                : fmax(-4.0 * slowScale, fmin(4.0 * slowScale, slowResidual)));
        slowScale = n < 2.0 ? fabs(slowResidual)
                : slowScale + 0.01 * (fmin(fabs(slowResidual), 4.0 * slowScale) - slowScale);
        if (n > warmup) {
            double d = (shiftRaw - shiftMean) / (sqrt(shiftVar) + 1e-6);
            likely = fmax(likely, anomaly_log_tail(d, lnTenBillionth));
        }
        double ws = n < 200.0 ? 1.0 / n : 0.005;
        double ds = shiftRaw - shiftMean;
        shiftMean = shiftMean + ws * ds;
        shiftVar = shiftVar + ws * (ds * ds - shiftVar);
        double margin = 0.05 * (hi - lo);
        if (n > warmup && (x > hi + margin || x < lo - margin)) {
            likely = 1.0;
        }
        lo = fmin(lo, x);
        hi = fmax(hi, x);
        score[row + t] = likely > peak + 0.1 ? likely : 0.1 * likely;
        peak = fmax(0.99 * peak, likely);
        n = n + 1.0;
    }
    stateOut[base + 0] = n;
    stateOut[base + 1] = level;
    stateOut[base + 2] = scale;
    stateOut[base + 3] = mean;
    stateOut[base + 4] = var;
    stateOut[base + 5] = shortMean;
    stateOut[base + 6] = peak;
    stateOut[base + 7] = lo;
    stateOut[base + 8] = hi;
    stateOut[base + 9] = fast;
    stateOut[base + 10] = slow;
    stateOut[base + 11] = slowScale;
    stateOut[base + 12] = shiftMean;
    stateOut[base + 13] = shiftVar;
}
