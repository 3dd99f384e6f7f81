package dev.burnrate.engine.kernel.simd;

import dev.burnrate.engine.kernel.CounterRng;
import dev.burnrate.engine.kernel.SpotTrainingKernel;
import dev.burnrate.engine.kernel.SpotTrainingParams;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The spot-training Monte Carlo with one scenario per vector lane. All lanes step through one attempt (a segment
 * completed, or an interruption and a restart) per iteration under masks, with exactly the reference's operations
 * in the reference's order, so every lane's result is bit-identical to the reference's. Lanes finish at different
 * iterations; since every scenario has the same number of segments and only interruptions differ, few lanes idle.
 * A range that is not a multiple of the lane count ends with the scalar reference.
 */
final class SpotTrainingSimd {

    private static final VectorSpecies<Double> D = VectorLn.D;
    private static final VectorSpecies<Long> L = VectorLn.L;
    private static final LongVector IOTA = LongVector.fromArray(L, iota(L.length()), 0);

    private SpotTrainingSimd() {
    }

    static void run(SpotTrainingParams p, SpotTrainingKernel.Outputs out, int from, int to) {
        int lanes = L.length();
        int s = from;
        for (; s + lanes <= to; s += lanes) {
            block(p, out, s);
        }
        SpotTrainingKernel.run(p, out, s, to);
    }

    private static long[] iota(int length) {
        long[] values = new long[length];
        for (int i = 0; i < length; i++) {
            values[i] = i;
        }
        return values;
    }

    private static LongVector mix64(LongVector z) {
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
        return z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
    }

    private static LongVector draw(LongVector key, LongVector draw) {
        return mix64(key.add(draw.add(1L).mul(CounterRng.GOLDEN_GAMMA)));
    }

    private static void block(SpotTrainingParams p, SpotTrainingKernel.Outputs out, int first) {
        int n = p.segments();
        LongVector key = mix64(mix64(IOTA.add(first)).lanewise(VectorOperators.XOR, p.seed()));
        LongVector drawn = LongVector.zero(L);
        LongVector segment = LongVector.zero(L);
        LongVector interruptions = LongVector.zero(L);
        DoubleVector t = DoubleVector.zero(D);
        DoubleVector cost = DoubleVector.zero(D);
        DoubleVector onDemandHours = DoubleVector.zero(D);
        DoubleVector spot = DoubleVector.broadcast(D, p.spotPrice());
        DoubleVector onDemandPrice = DoubleVector.broadcast(D, p.onDemandPrice());
        DoubleVector restart = DoubleVector.broadcast(D, p.restartHours());
        VectorMask<Long> onDemand = L.maskAll(false);
        VectorMask<Long> active = L.maskAll(true);
        while (active.anyTrue()) {
            VectorMask<Long> last = segment.compare(VectorOperators.EQ, n - 1);
            VectorMask<Double> lastD = last.cast(D);
            DoubleVector length = DoubleVector.broadcast(D, p.segmentHours())
                    .blend(p.lastSegmentHours(), lastD);
            LongVector threshold = LongVector.broadcast(L, p.segmentFailThreshold())
                    .blend(p.lastSegmentFailThreshold(), last);
            VectorMask<Long> drawing = active.andNot(onDemand);
            LongVector bits = draw(key, drawn);
            drawn = drawn.add(1L, drawing);
            VectorMask<Long> fail = drawing.and(
                    bits.lanewise(VectorOperators.LSHR, 11).compare(VectorOperators.LT, threshold));
            VectorMask<Long> done = active.andNot(fail);
            VectorMask<Double> doneD = done.cast(D);
            DoubleVector price = spot.blend(onDemandPrice, onDemand.cast(D));
            t = t.add(length, doneD);
            cost = cost.add(length.mul(price), doneD);
            onDemandHours = onDemandHours.add(length, onDemand.and(active).cast(D));
            segment = segment.add(1L, done);
            if (fail.anyTrue()) {
                VectorMask<Double> failD = fail.cast(D);
                LongVector bits2 = draw(key, drawn);
                drawn = drawn.add(1L, fail);
                DoubleVector u = ((DoubleVector) bits2.lanewise(VectorOperators.LSHR, 11)
                        .convert(VectorOperators.L2D, 0)).mul(CounterRng.UNIT);
                DoubleVector probability = DoubleVector.broadcast(D, p.segmentFailProbability())
                        .blend(p.lastSegmentFailProbability(), lastD);
                DoubleVector lost = VectorLn.ln(DoubleVector.broadcast(D, 1.0).sub(u.mul(probability)))
                        .neg().div(p.interruptionsPerHour());
                t = t.add(lost, failD);
                cost = cost.add(lost.mul(spot), failD);
                interruptions = interruptions.add(1L, fail);
                VectorMask<Long> fallback = interruptions.compare(VectorOperators.GE, p.maxInterruptions());
                if (p.hasDeadline()) {
                    DoubleVector remaining = ((DoubleVector) LongVector.broadcast(L, n - 1).sub(segment)
                            .convert(VectorOperators.L2D, 0)).mul(p.segmentHours()).add(p.lastSegmentHours());
                    VectorMask<Double> atRisk = DoubleVector.broadcast(D, p.deadlineHours())
                            .sub(t.add(restart).add(remaining)).compare(VectorOperators.LT, p.fallbackSlackHours());
                    fallback = fallback.or(atRisk.cast(L));
                }
                fallback = fallback.and(fail);
                onDemand = onDemand.or(fallback);
                DoubleVector restartPrice = spot.blend(onDemandPrice, onDemand.cast(D));
                t = t.add(restart, failD);
                cost = cost.add(restart.mul(restartPrice), failD);
                onDemandHours = onDemandHours.add(restart, fallback.cast(D));
            }
            active = segment.compare(VectorOperators.LT, n);
        }
        for (int lane = 0; lane < L.length(); lane++) {
            int s = first + lane;
            out.wallHours().put(s, t.lane(lane));
            out.cost().put(s, cost.lane(lane));
            out.onDemandHours().put(s, onDemandHours.lane(lane));
            out.interruptions().put(s, (int) interruptions.lane(lane));
        }
    }
}
