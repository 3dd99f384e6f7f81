// Burnrate kernels, OpenCL C. The engine's reference backend (plain Java) defines every result; the
// conformance suite checks this file against it. Exactness: no contraction of a*b+c into fused multiply-adds
// anywhere except where fma() is written (the matrix products), so double results match Java bit for bit.
#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

// SplitMix64's finaliser; draw d of a scenario's stream (see dev.burnrate.api.KernelNames).
inline ulong mix64(ulong z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
    return z ^ (z >> 31);
}

inline ulong stream_key(ulong seed, ulong scenario) {
    return mix64(seed ^ mix64(scenario));
}

inline double unit_draw(ulong key, ulong draw) {
    ulong bits = mix64(key + (draw + 1UL) * 0x9E3779B97F4A7C15UL);
    return (double) (bits >> 11) * 0x1.0p-53;
}

// The engine's KernelMath.ln, operation for operation: IEEE + - * / only, so it agrees with Java bit for bit
// (the platform log() does not).
inline double kernel_ln(double x) {
    long bits = as_long(x);
    long e = ((bits >> 52) & 0x7ffL) - 1023L;
    double m = as_double((bits & 0x000fffffffffffffL) | 0x3ff0000000000000L);
    if (m > 0x1.6a09e667f3bcdp+0) {
        m = m * 0.5;
        e = e + 1L;
    }
    double f = (m - 1.0) / (m + 1.0);
    double s = f * f;
    double p = 0x1.642c8590b2164p-5;
    p = 0x1.8618618618618p-5 + s * p;
    p = 0x1.af286bca1af28p-5 + s * p;
    p = 0x1.e1e1e1e1e1e1ep-5 + s * p;
    p = 0x1.1111111111111p-4 + s * p;
    p = 0x1.3b13b13b13b14p-4 + s * p;
    p = 0x1.745d1745d1746p-4 + s * p;
    p = 0x1.c71c71c71c71cp-4 + s * p;
    p = 0x1.2492492492492p-3 + s * p;
    p = 0x1.999999999999ap-3 + s * p;
    p = 0x1.5555555555555p-2 + s * p;
    double twoF = f + f;
    return (double) e * 0x1.62e42fefa39efp-1 + (twoF + twoF * (s * p));
}
