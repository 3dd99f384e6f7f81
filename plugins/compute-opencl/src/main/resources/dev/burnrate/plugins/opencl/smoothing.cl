// KernelNames.EXP_SMOOTHING_GRID and EXP_SMOOTHING_FORECAST: one (series, parameter set) or one series per
// work-item, steps in order, the seasonal state in private memory (at most SMOOTHING_SLOTS = period + period2).
#define SMOOTHING_SLOTS 512

// The model's state after the series' n steps; returns the mean squared error over scored steps (grid) in *mse.
static void smoothing_run(__global const double *values, const int length, const int n, const int period,
                          const int period2, const double alpha, const double beta, const double phi,
                          const double gamma, const double delta, const int warmup, double *seasons,
                          double *levelOut, double *trendOut, int *j1Out, int *j2Out, double *mse) {
    int slots = period + period2;
    int first = min(period, n);
    double sum = 0.0;
    int count = 0;
    for (int t = 0; t < first; t++) {
        double y = values[t];
        if (!isnan(y)) {
            sum = sum + y;
            count++;
        }
    }
    double level = count == 0 ? 0.0 : sum / (double) count;
    for (int j = 0; j < slots; j++) {
        seasons[j] = 0.0;
    }
    for (int t = 0; t < first; t++) {
        double y = values[t];
        seasons[t] = isnan(y) ? 0.0 : y - level;
    }
    double trend = 0.0;
    double sse = 0.0;
    int scored = 0;
    int j1 = 0;
    int j2 = period;
    for (int t = 0; t < n; t++) {
        double y = values[t];
        int missing = isnan(y);
        double damped = phi * trend;
        double f = level + damped + seasons[j1] + (period2 > 0 ? seasons[j2] : 0.0);
        double e = missing ? 0.0 : y - f;
        if (t >= warmup && !missing) {
            sse = sse + e * e;
            scored++;
        }
        level = level + damped + alpha * e;
        trend = damped + beta * e;
        seasons[j1] = seasons[j1] + gamma * e;
        j1 = j1 + 1 == period ? 0 : j1 + 1;
        if (period2 > 0) {
            seasons[j2] = seasons[j2] + delta * e;
            j2 = j2 + 1 == slots ? period : j2 + 1;
        }
    }
    *levelOut = level;
    *trendOut = trend;
    *j1Out = j1;
    *j2Out = j2;
    *mse = scored == 0 ? NAN : sse / (double) scored;
}

__kernel void exp_smoothing_grid(const int length, const int period, const int period2, const int points,
                                 const int warmup, const int size, __global const double *values,
                                 __global const int *lengths, __global const double *grid,
                                 __global double *mse) {
    int i = get_global_id(0);
    if (i >= size) {
        return;
    }
    int s = i / points;
    __global const double *p = grid + (i % points) * 5;
    double seasons[SMOOTHING_SLOTS];
    double level, trend, result;
    int j1, j2;
    smoothing_run(values + (long) s * length, length, lengths[s], period, period2, p[0], p[1], p[2], p[3], p[4],
                  warmup, seasons, &level, &trend, &j1, &j2, &result);
    mse[i] = result;
}

__kernel void exp_smoothing_forecast(const int length, const int period, const int period2, const int horizon,
                                     const int size, __global const double *values, __global const int *lengths,
                                     __global const double *params, __global double *forecast) {
    int s = get_global_id(0);
    if (s >= size) {
        return;
    }
    __global const double *p = params + s * 5;
    double seasons[SMOOTHING_SLOTS];
    double level, trend, ignored;
    int j1, j2;
    smoothing_run(values + (long) s * length, length, lengths[s], period, period2, p[0], p[1], p[2], p[3], p[4],
                  0, seasons, &level, &trend, &j1, &j2, &ignored);
    int slots = period + period2;
    double damping = 0.0;
    double factor = 1.0;
    for (int k = 0; k < horizon; k++) {
        factor = factor * p[2];
        damping = damping + factor;
        forecast[(long) s * horizon + k] = level + damping * trend + seasons[j1] + (period2 > 0 ? seasons[j2] : 0.0);
        j1 = j1 + 1 == period ? 0 : j1 + 1;
        if (period2 > 0) {
            j2 = j2 + 1 == slots ? period : j2 + 1;
        }
    }
}
