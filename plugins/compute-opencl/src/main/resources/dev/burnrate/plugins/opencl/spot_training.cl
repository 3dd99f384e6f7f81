// KernelNames.SPOT_TRAINING_MONTE_CARLO. spot_training runs one scenario per work-item (GPUs: scenarios
// diverge, which costs some efficiency, but every one runs independently). spot_training_cpu is the variant for
// CPU devices: PoCL cannot vectorise the scalar kernel across work-items (its loops diverge), so each
// work-item runs eight scenarios in double8/long8 lanes under masks, like the engine's jvm-simd backend, with the
// same operations in the same order (bit-identical results). The helpers, scalar and eight-lane, are in common.cl.

#define SPOT_ARGS const ulong seed, const int segments, const double segmentHours, \
        const double lastSegmentHours, const double rate, const double meanHours, const double restartHours, \
        const double spotPrice, const double onDemandPrice, const double deadlineHours, const double slackHours, \
        const int maxInterruptions, const int size, __global double *wallHours, __global double *cost, \
        __global double *onDemandHours, __global int *interruptions
#define SPOT_PASS seed, segments, segmentHours, lastSegmentHours, rate, meanHours, restartHours, spotPrice, \
        onDemandPrice, deadlineHours, slackHours, maxInterruptions, size, wallHours, cost, onDemandHours, \
        interruptions

inline void spot_training_one(const int s, SPOT_ARGS) {
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

__kernel void spot_training(SPOT_ARGS) {
    int s = get_global_id(0);
    if (s < size) {
        spot_training_one(s, SPOT_PASS);
    }
}

__kernel void spot_training_cpu(SPOT_ARGS) {
    int first = get_global_id(0) * 8;
    if (first >= size) {
        return;
    }
    if (first + 8 > size) {
        for (int s = first; s < size; s++) {
            spot_training_one(s, SPOT_PASS);
        }
        return;
    }
    long8 n1 = (long8) (segments - 1);
    long8 scenario = (long8) (first) + (long8) (0, 1, 2, 3, 4, 5, 6, 7);
    ulong8 key = stream_key_8((ulong8) (seed), as_ulong8(scenario));
    long8 drawn = 0;
    long8 segment = 0;
    long8 k = 0;
    double8 t = 0.0;
    double8 c = 0.0;
    double8 od = 0.0;
    long8 active = (long8) (-1);
    long8 onDemand = 0;
    double8 spot = (double8) (spotPrice);
    double8 demand = (double8) (onDemandPrice);
    double8 restart = (double8) (restartHours);
    while (any(active)) {
        double8 fullHours = convert_double8(n1 - segment) * segmentHours;
        double8 remaining = fullHours + lastSegmentHours;
        double8 x = (double8) (INFINITY);
        if (rate > 0.0) {
            x = -kernel_ln_8(1.0 - unit_draw_8(key, as_ulong8(drawn))) * meanHours;
        }
        long8 onSpot = active & ~onDemand;
        drawn = drawn - onSpot;
        long8 finishes = (isgreaterequal(x, remaining) | onDemand) & active;
        long8 interrupted = onSpot & ~finishes;
        long8 runs = finishes | interrupted;
        double8 runHours = select(x, remaining, finishes);
        t = select(t, t + runHours, runs);
        c = select(c, c + runHours * select(spot, demand, onDemand), runs);
        od = select(od, od + remaining, onDemand & active);
        long8 completed = convert_long8_sat(x / segmentHours);
        completed = completed + isgreater(convert_double8(completed) * segmentHours, x);
        completed = select(completed, n1 - segment, isgreaterequal(x, fullHours));
        segment = select(segment, segment + completed, interrupted);
        k = k - interrupted;
        long8 fallback = k >= (long8) (maxInterruptions);
        if (deadlineHours > 0.0) {
            double8 resume = convert_double8(n1 - segment) * segmentHours + lastSegmentHours;
            fallback = fallback | isless(deadlineHours - (t + restart + resume), (double8) (slackHours));
        }
        fallback = fallback & interrupted;
        onDemand = onDemand | fallback;
        t = select(t, t + restart, interrupted);
        c = select(c, c + restart * select(spot, demand, fallback), interrupted);
        od = select(od, od + restart, fallback);
        active = active & ~finishes;
    }
    vstore8(t, 0, wallHours + first);
    vstore8(c, 0, cost + first);
    vstore8(od, 0, onDemandHours + first);
    vstore8(convert_int8(k), 0, interruptions + first);
}
