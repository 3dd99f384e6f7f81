package dev.burnrate.engine.kernel.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link dev.burnrate.engine.kernel.KernelMath#ln} lane by lane: the same operations in the same order, so each
 * lane's result is bit-identical to the scalar one.
 */
final class VectorLn {

    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;

    private static final double LN2 = 0x1.62e42fefa39efp-1;
    private static final double SQRT2 = 0x1.6a09e667f3bcdp+0;
    private static final double[] C = {0x1.642c8590b2164p-5, 0x1.8618618618618p-5, 0x1.af286bca1af28p-5,
            0x1.e1e1e1e1e1e1ep-5, 0x1.1111111111111p-4, 0x1.3b13b13b13b14p-4, 0x1.745d1745d1746p-4,
            0x1.c71c71c71c71cp-4, 0x1.2492492492492p-3, 0x1.999999999999ap-3, 0x1.5555555555555p-2};

    private VectorLn() {
    }

    static DoubleVector ln(DoubleVector x) {
        LongVector bits = (LongVector) x.convert(VectorOperators.REINTERPRET_D2L, 0);
        // The exponent as a double (exact): adding 1 under a double mask avoids casting the mask to longs.
        DoubleVector e = ((DoubleVector) bits.lanewise(VectorOperators.LSHR, 52).and(0x7ffL)
                .convert(VectorOperators.L2D, 0)).sub(1023.0);
        DoubleVector m = (DoubleVector) bits.and(0x000fffffffffffffL).or(0x3ff0000000000000L)
                .convert(VectorOperators.REINTERPRET_L2D, 0);
        VectorMask<Double> big = m.compare(VectorOperators.GT, SQRT2);
        m = m.blend(m.mul(0.5), big);
        e = e.add(1.0, big);
        DoubleVector f = m.sub(1.0).div(m.add(1.0));
        DoubleVector s = f.mul(f);
        DoubleVector p = DoubleVector.broadcast(D, C[0]);
        for (int i = 1; i < C.length; i++) {
            p = s.mul(p).add(C[i]);
        }
        DoubleVector twoF = f.add(f);
        return e.mul(LN2).add(twoF.add(twoF.mul(s.mul(p))));
    }
}
