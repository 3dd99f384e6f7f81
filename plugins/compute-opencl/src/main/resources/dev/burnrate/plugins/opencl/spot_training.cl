// KernelNames.SPOT_TRAINING_MONTE_CARLO: one scenario per work-item. The same code serves CPUs and GPUs:
// scenarios diverge (different numbers of interruptions), so PoCL cannot vectorise across work-items and
// GPUs lose some efficiency to divergence; both still run every scenario independently.
__kernel void spot_training(const ulong seed, const int segments, const double segmentHours,
                            const double lastSegmentHours, const double rate, const double meanHours,
                            const double restartHours, const double spotPrice, const double onDemandPrice,
                            const double deadlineHours, const double slackHours, const int maxInterruptions,
                            const int size, __global double *wallHours, __global double *cost,
                            __global double *onDemandHours, __global int *interruptions) {
    int s = get_global_id(0);
    if (s >= size) {
        return;
    }
    ulong key = stream_key(seed, (ulong) s);
    ulong draw = 0;
    long segment = 0;
    long n = segments;
    double t = 0.0;
    double c = 0.0;
    double od = 0.0;
    int k = 0;
    int onDemand = 0;
    while (1) {
        double fullHours = (double) (n - 1 - segment) * segmentHours;
        double remaining = fullHours + lastSegmentHours;
        if (onDemand) {
            t = t + remaining;
            c = c + remaining * onDemandPrice;
            od = od + remaining;
            break;
        }
        double x = INFINITY;
        if (rate > 0.0) {
            x = -kernel_ln(1.0 - unit_draw(key, draw)) * meanHours;
        }
        draw = draw + 1UL;
        if (x >= remaining) {
            t = t + remaining;
            c = c + remaining * spotPrice;
            break;
        }
        long completed = n - 1 - segment;
        if (x < fullHours) {
            completed = (long) (x / segmentHours);
            if ((double) completed * segmentHours > x) {
                completed = completed - 1;
            }
        }
        segment = segment + completed;
        t = t + x;
        c = c + x * spotPrice;
        k = k + 1;
        double resumeRemaining = (double) (n - 1 - segment) * segmentHours + lastSegmentHours;
        if (k >= maxInterruptions
                || (deadlineHours > 0.0 && deadlineHours - (t + restartHours + resumeRemaining) < slackHours)) {
            onDemand = 1;
            t = t + restartHours;
            c = c + restartHours * onDemandPrice;
            od = od + restartHours;
        } else {
            t = t + restartHours;
            c = c + restartHours * spotPrice;
        }
    }
    wallHours[s] = t;
    cost[s] = c;
    onDemandHours[s] = od;
    interruptions[s] = k;
}
