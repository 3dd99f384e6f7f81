package dev.burnrate.engine.kernel.simd;

import dev.burnrate.engine.kernel.InferenceCapacityKernel;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Inference capacity with the hours of the load curve across lanes. The Vector API has no ceil, so
 * {@code ceil(x)} for {@code x >= 0} is the truncation plus one where it lost a fraction; conversions saturate like
 * Java's casts, so the counts equal the reference's exactly. Sums are integers, so the lane order is irrelevant.
 * The load curve is copied into a heap array per call (a few thousand hours) for the Vector API to load from.
 */
final class InferenceCapacitySimd {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;

    private InferenceCapacitySimd() {
    }

    static void run(InferenceCapacityKernel.Args a, int from, int to) {
        int lanes = D.length();
        int vectorHours = a.hours() - a.hours() % lanes;
        double[] rps = new double[a.hours()];
        a.requestsPerSecond().get(0, rps);
        for (int o = from; o < to; o++) {
            double capacity = a.tokensPerSecond().get(o) * a.utilisationTarget();
            LongVector instanceHours = LongVector.zero(L);
            LongVector spotHours = LongVector.zero(L);
            LongVector baseline = LongVector.broadcast(L, Integer.MAX_VALUE);
            int h = 0;
            for (; h < vectorHours; h += lanes) {
                DoubleVector demand = DoubleVector.fromArray(D, rps, h).mul(a.tokensPerRequest()).div(capacity);
                LongVector n = ceilToInt(demand).max(a.minInstances());
                LongVector spot = (LongVector) ((DoubleVector) n.convert(VectorOperators.L2D, 0))
                        .mul(a.spotShare()).convert(VectorOperators.D2L, 0);
                instanceHours = instanceHours.add(n);
                spotHours = spotHours.add(spot);
                baseline = baseline.min(n);
                for (int lane = 0; lane < lanes; lane++) {
                    a.instances().put(o * a.hours() + h + lane, (int) n.lane(lane));
                }
            }
            long totalHours = instanceHours.reduceLanes(VectorOperators.ADD);
            long totalSpot = spotHours.reduceLanes(VectorOperators.ADD);
            int minimum = (int) baseline.reduceLanes(VectorOperators.MIN);
            for (; h < a.hours(); h++) {
                int n = InferenceCapacityKernel.instancesNeeded(a.requestsPerSecond().get(h) * a.tokensPerRequest(),
                        capacity, a.minInstances());
                a.instances().put(o * a.hours() + h, n);
                totalHours += n;
                totalSpot += (long) Math.floor((double) n * a.spotShare());
                minimum = Math.min(minimum, n);
            }
            InferenceCapacityKernel.writeTotals(a, o, totalHours, totalSpot, minimum);
        }
    }

    /**
     * {@code (int) Math.ceil(x)} for x &ge; 0 (including +infinity): saturates at Integer.MAX_VALUE. Clamping to
     * 2^31 first keeps the truncation and the +1 far from the long range's end.
     */
    private static LongVector ceilToInt(DoubleVector x) {
        x = x.min(0x1.0p31);
        LongVector truncated = (LongVector) x.convert(VectorOperators.D2L, 0);
        VectorMask<Double> lostFraction = ((DoubleVector) truncated.convert(VectorOperators.L2D, 0))
                .compare(VectorOperators.LT, x);
        return truncated.add(1L, lostFraction.cast(L)).min(Integer.MAX_VALUE);
    }
}
