package dev.burnrate.engine.kernel;

/**
 * Reproducible transcendental functions for kernels. Platform {@code log} implementations differ in the last bit
 * between Java and OpenCL devices; a one-ulp difference can flip a decision taken on the result (a deadline
 * fallback) and with it an integer result. These functions use only IEEE-754 {@code + - * /} (correctly rounded
 * everywhere) in a fixed order, and the OpenCL kernels contain the same code with {@code FP_CONTRACT OFF}, so all
 * backends agree bit for bit. Accuracy: within 2 ulp of the true value.
 */
public final class KernelMath {

    static final double LN2 = 0x1.62e42fefa39efp-1;
    static final double SQRT2 = 0x1.6a09e667f3bcdp+0;
    static final long MANTISSA_MASK = 0x000fffffffffffffL;
    static final long ONE_EXPONENT = 0x3ff0000000000000L;
    /** 1/(2j+1) for j = 1..11, the atanh series of ln((1+f)/(1-f)) = 2 (f + f^3/3 + f^5/5 + ...). */
    static final double C3 = 0x1.5555555555555p-2;
    static final double C5 = 0x1.999999999999ap-3;
    static final double C7 = 0x1.2492492492492p-3;
    static final double C9 = 0x1.c71c71c71c71cp-4;
    static final double C11 = 0x1.745d1745d1746p-4;
    static final double C13 = 0x1.3b13b13b13b14p-4;
    static final double C15 = 0x1.1111111111111p-4;
    static final double C17 = 0x1.e1e1e1e1e1e1ep-5;
    static final double C19 = 0x1.af286bca1af28p-5;
    static final double C21 = 0x1.8618618618618p-5;
    static final double C23 = 0x1.642c8590b2164p-5;

    private KernelMath() {
    }

    /**
     * The natural logarithm of a positive, normal, finite {@code x}. Writes {@code x = 2^e * m} with m in
     * [sqrt(2)/2, sqrt(2)], then {@code ln m = 2 atanh(f)} with {@code f = (m - 1) / (m + 1)}, |f| &le; 0.172, where
     * eleven series terms reach double precision.
     */
    public static double ln(double x) {
        long bits = Double.doubleToRawLongBits(x);
        long e = ((bits >>> 52) & 0x7ffL) - 1023;
        double m = Double.longBitsToDouble((bits & MANTISSA_MASK) | ONE_EXPONENT);
        if (m > SQRT2) {
            m = m * 0.5;
            e = e + 1;
        }
        double f = (m - 1.0) / (m + 1.0);
        double s = f * f;
        double p = C23;
        p = C21 + s * p;
        p = C19 + s * p;
        p = C17 + s * p;
        p = C15 + s * p;
        p = C13 + s * p;
        p = C11 + s * p;
        p = C9 + s * p;
        p = C7 + s * p;
        p = C5 + s * p;
        p = C3 + s * p;
        double twoF = f + f;
        return (double) e * LN2 + (twoF + twoF * (s * p));
    }
}
