// KernelNames.INFERENCE_CAPACITY: one offering per work-item, the hours of the load curve in a loop.
// Totals come from integer sums, so they are exact.
__kernel void inference_capacity(const int hours, const double tokensPerRequest, const double utilisation,
                                 const double spotShare, const int minInstances, const int size,
                                 __global const double *rps, __global const double *tps,
                                 __global const double *onDemandPrice, __global const double *spotPrice,
                                 __global const double *committedPrice, __global int *instances,
                                 __global double *totals) {
    int o = get_global_id(0);
    if (o >= size) {
        return;
    }
    double capacity = tps[o] * utilisation;
    long instanceHours = 0;
    long spotHours = 0;
    int baseline = INT_MAX;
    for (int h = 0; h < hours; h++) {
        double needed = ceil((rps[h] * tokensPerRequest) / capacity);
        // Java's (int) cast saturates; OpenCL's conversion does not, so saturate explicitly.
        int n = needed >= 2147483647.0 ? INT_MAX : (int) needed;
        n = max(minInstances, n);
        instances[o * hours + h] = n;
        instanceHours = instanceHours + n;
        spotHours = spotHours + (long) floor((double) n * spotShare);
        baseline = min(baseline, n);
    }
    double od = onDemandPrice[o];
    long baselineHours = (long) baseline * hours;
    totals[o * 5 + 0] = (double) instanceHours * od;
    totals[o * 5 + 1] = (double) spotHours * spotPrice[o] + (double) (instanceHours - spotHours) * od;
    totals[o * 5 + 2] = (double) baselineHours * committedPrice[o] + (double) (instanceHours - baselineHours) * od;
    totals[o * 5 + 3] = (double) baseline;
    totals[o * 5 + 4] = (double) instanceHours;
}

// KernelNames.COMMITMENT_COVERAGE: one (term, coverage level) per work-item, hours summed in order.
__kernel void commitment_coverage(const int hours, const int levels, const double peakUsage,
                                  const double onDemandPrice, const int size, __global const double *usage,
                                  __global const double *committedPrices, __global double *cost,
                                  __global double *unusedUnitHours) {
    int i = get_global_id(0);
    if (i >= size) {
        return;
    }
    double committed = peakUsage * (double) (i % levels) / (double) (levels - 1);
    double over = 0.0;
    double unused = 0.0;
    for (int h = 0; h < hours; h++) {
        double u = usage[h];
        over = over + fmax(u - committed, 0.0);
        unused = unused + fmax(committed - u, 0.0);
    }
    cost[i] = committed * committedPrices[i / levels] * (double) hours + over * onDemandPrice;
    unusedUnitHours[i] = unused;
}
