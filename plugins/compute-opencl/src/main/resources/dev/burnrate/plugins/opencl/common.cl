// Burnrate kernels, OpenCL C. The engine's reference backend (plain Java) defines every result; the
// conformance suite checks this file against it. Exactness: no contraction of a*b+c into fused multiply-adds
// anywhere except where fma() is written (the matrix products), so double results match Java bit for bit.
#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

// The helpers are written once and stamped out twice: for scalars (one scenario per work-item) and for eight
// lanes (spot_training_cpu, double8/ulong8), so both variants run the same operations in the same order. N is
// the vector width ("" for scalars), SUFFIX the helper name's ending ("" and "_8").

// SplitMix64's finaliser; draw d of a scenario's stream (see dev.burnrate.api.KernelNames).
#define DEFINE_COUNTER_RNG(SUFFIX, N) \
    inline ulong##N mix64##SUFFIX(ulong##N z) { \
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL; \
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL; \
        return z ^ (z >> 31); \
    } \
    inline ulong##N stream_key##SUFFIX(ulong##N seed, ulong##N scenario) { \
        return mix64##SUFFIX(seed ^ mix64##SUFFIX(scenario)); \
    } \
    inline double##N unit_draw##SUFFIX(ulong##N key, ulong##N draw) { \
        ulong##N bits = mix64##SUFFIX(key + (draw + 1UL) * 0x9E3779B97F4A7C15UL); \
        return convert_double##N(bits >> 11) * 0x1.0p-53; \
    }

// The engine's KernelMath.ln, operation for operation: IEEE + - * / only, so it agrees with Java bit for bit
// (the platform log() does not). The mantissa is halved (and the exponent raised) with select() rather than a
// branch so that the one text serves lanes too; the results are the same as KernelMath's if.
#define DEFINE_KERNEL_LN(SUFFIX, N) \
    inline double##N kernel_ln##SUFFIX(double##N x) { \
        long##N bits = as_long##N(x); \
        long##N e = ((bits >> 52) & 0x7ffL) - 1023L; \
        double##N m = as_double##N((bits & 0x000fffffffffffffL) | 0x3ff0000000000000L); \
        long##N big = (long##N) isgreater(m, (double##N) (0x1.6a09e667f3bcdp+0)); \
        m = select(m, m * 0.5, big); \
        e = select(e, e + 1L, big); \
        double##N f = (m - 1.0) / (m + 1.0); \
        double##N s = f * f; \
        double##N p = (double##N) (0x1.642c8590b2164p-5); \
        p = 0x1.8618618618618p-5 + s * p; \
        p = 0x1.af286bca1af28p-5 + s * p; \
        p = 0x1.e1e1e1e1e1e1ep-5 + s * p; \
        p = 0x1.1111111111111p-4 + s * p; \
        p = 0x1.3b13b13b13b14p-4 + s * p; \
        p = 0x1.745d1745d1746p-4 + s * p; \
        p = 0x1.c71c71c71c71cp-4 + s * p; \
        p = 0x1.2492492492492p-3 + s * p; \
        p = 0x1.999999999999ap-3 + s * p; \
        p = 0x1.5555555555555p-2 + s * p; \
        double##N twoF = f + f; \
        return convert_double##N(e) * 0x1.62e42fefa39efp-1 + (twoF + twoF * (s * p)); \
    }

DEFINE_COUNTER_RNG(, )
DEFINE_COUNTER_RNG(_8, 8)
DEFINE_KERNEL_LN(, )
DEFINE_KERNEL_LN(_8, 8)
