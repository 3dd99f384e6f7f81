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
 * The spot-training Monte Carlo with one scenario per vector lane. Each iteration takes every active lane from
 * one (re)start to its next interruption or to the end of the job, under masks, with exactly the reference's
 * operations in the reference's order, so every lane's result is bit-identical to the reference's.
 *
 * <p>An iteration is split into {@link #drawRunningHours} and {@link #advance}, which exchange the lane state
 * through small scratch arrays: one method holding both exceeds C2's inlining node budget, and a Vector API call
 * that is not inlined boxes its vectors (measured: slower than the scalar reference).
 */
final class SpotTrainingSimd {

    private static final VectorSpecies<Double> D = VectorLn.D;
    private static final VectorSpecies<Long> L = VectorLn.L;
    private static final int VECTOR = D.length();
    /**
     * Independent vectors of lanes stepped together. One vector's step is a single dependency chain (hash, ln,
     * divisions) that leaves the core waiting on latencies; several independent ones let it overlap them.
     */
    static final int GROUPS = 4;
    private static final int LANES = GROUPS * VECTOR;

    private SpotTrainingSimd() {
    }

    /**
     * Per-lane state, in arrays so that it crosses method boundaries unboxed and lanes can be refilled. Counters are
     * doubles (exact below 2^53) so that every mask lives in the double species: masks cast between the long and
     * double species made C2 fall back to allocating Java code for mask and/or (measured with JFR).
     */
    private static final class Lanes {
        final long[] key = new long[LANES];
        final double[] drawn = new double[LANES];
        final double[] segment = new double[LANES];
        final double[] interruptions = new double[LANES];
        final double[] x = new double[LANES];
        final double[] t = new double[LANES];
        final double[] cost = new double[LANES];
        final double[] onDemandHours = new double[LANES];
        /** 1.0 where the lane runs on-demand: masks are stored as doubles, VectorMask.intoArray boxed. */
        final double[] onDemand = new double[LANES];
        final double[] active = new double[LANES];
        final int[] scenario = new int[LANES];
    }

    /**
     * Runs scenarios {@code [from, to)}. A lane whose scenario ends writes its result and takes the next scenario at
     * once, so lanes do not idle while the block's most-interrupted scenario finishes (scenarios are independent,
     * so which lane runs which does not change any result).
     */
    static void run(SpotTrainingParams p, SpotTrainingKernel.Outputs out, int from, int to) {
        Lanes st = new Lanes();
        int next = from;
        int active = 0;
        for (int lane = 0; lane < LANES; lane++) {
            if (next < to) {
                start(p, st, lane, next++);
                active++;
            }
        }
        while (active > 0) {
            drawRunningHours(p, st);
            for (int o = 0; o < LANES; o += VECTOR) {
                long finished = advance(p, st, o);
                while (finished != 0) {
                    int lane = o + Long.numberOfTrailingZeros(finished);
                    finished &= finished - 1;
                    finish(st, lane, out);
                    if (next < to) {
                        start(p, st, lane, next++);
                    } else {
                        active--;
                    }
                }
            }
        }
    }

    private static void start(SpotTrainingParams p, Lanes st, int lane, int scenario) {
        st.scenario[lane] = scenario;
        st.key[lane] = CounterRng.streamKey(p.seed(), scenario);
        st.drawn[lane] = 0;
        st.segment[lane] = 0;
        st.interruptions[lane] = 0;
        st.t[lane] = 0;
        st.cost[lane] = 0;
        st.onDemandHours[lane] = 0;
        st.onDemand[lane] = 0;
        st.active[lane] = 1;
    }

    private static void finish(Lanes st, int lane, SpotTrainingKernel.Outputs out) {
        int s = st.scenario[lane];
        out.wallHours().put(s, st.t[lane]);
        out.cost().put(s, st.cost[lane]);
        out.onDemandHours().put(s, st.onDemandHours[lane]);
        out.interruptions().put(s, (int) st.interruptions[lane]);
    }

    /** Every lane's running hours until its next interruption: {@code -ln(1 - u) * (1 / rate)}; +inf at rate 0. */
    private static void drawRunningHours(SpotTrainingParams p, Lanes st) {
        double meanHours = p.meanHoursBetweenInterruptions();
        for (int o = 0; o < LANES; o += VECTOR) {
            if (!(p.interruptionsPerHour() > 0)) {
                DoubleVector.broadcast(D, Double.POSITIVE_INFINITY).intoArray(st.x, o);
                continue;
            }
            LongVector drawn = (LongVector) DoubleVector.fromArray(D, st.drawn, o)
                    .convert(VectorOperators.D2L, 0);
            LongVector bits = mix64(LongVector.fromArray(L, st.key, o)
                    .add(drawn.add(1L).mul(CounterRng.GOLDEN_GAMMA)));
            DoubleVector u = ((DoubleVector) bits.lanewise(VectorOperators.LSHR, 11)
                    .convert(VectorOperators.L2D, 0)).mul(CounterRng.UNIT);
            VectorLn.ln(DoubleVector.broadcast(D, 1.0).sub(u)).neg().mul(meanHours)
                    .intoArray(st.x, o);
        }
    }

    /**
     * One step of the active lanes of the vector at {@code o}: to the next interruption and restart, or to the end
     * of the job. Returns the lanes whose job ended, as bits.
     */
    private static long advance(SpotTrainingParams p, Lanes st, int o) {
        double segmentHours = p.segmentHours();
        VectorMask<Double> active = DoubleVector.fromArray(D, st.active, o).compare(VectorOperators.NE, 0.0);
        VectorMask<Double> onDemand = DoubleVector.fromArray(D, st.onDemand, o).compare(VectorOperators.NE, 0.0);
        DoubleVector segment = DoubleVector.fromArray(D, st.segment, o);
        DoubleVector fullSegments = DoubleVector.broadcast(D, p.segments() - 1).sub(segment);
        DoubleVector fullHours = fullSegments.mul(segmentHours);
        DoubleVector remaining = fullHours.add(p.lastSegmentHours());
        DoubleVector x = DoubleVector.fromArray(D, st.x, o);
        VectorMask<Double> spot = active.andNot(onDemand);
        DoubleVector.fromArray(D, st.drawn, o).add(1.0, spot).intoArray(st.drawn, o);
        VectorMask<Double> finishes = x.compare(VectorOperators.GE, remaining).or(onDemand).and(active);
        VectorMask<Double> interrupted = spot.andNot(finishes);
        VectorMask<Double> runs = finishes.or(interrupted);
        DoubleVector spotPrice = DoubleVector.broadcast(D, p.spotPrice());
        DoubleVector runPrice = spotPrice.blend(p.onDemandPrice(), onDemand);
        DoubleVector runHours = x.blend(remaining, finishes);
        DoubleVector t = DoubleVector.fromArray(D, st.t, o).add(runHours, runs);
        DoubleVector cost = DoubleVector.fromArray(D, st.cost, o).add(runHours.mul(runPrice), runs);
        DoubleVector onDemandHours = DoubleVector.fromArray(D, st.onDemandHours, o)
                .add(remaining, onDemand.and(active));
        DoubleVector completed = (DoubleVector) x.div(segmentHours).convert(VectorOperators.D2L, 0)
                .convert(VectorOperators.L2D, 0);
        completed = completed.sub(1.0, completed.mul(segmentHours).compare(VectorOperators.GT, x))
                .blend(fullSegments, x.compare(VectorOperators.GE, fullHours));
        segment = segment.add(completed, interrupted);
        segment.intoArray(st.segment, o);
        DoubleVector interruptions = DoubleVector.fromArray(D, st.interruptions, o).add(1.0, interrupted);
        interruptions.intoArray(st.interruptions, o);
        DoubleVector restart = DoubleVector.broadcast(D, p.restartHours());
        VectorMask<Double> fallback = interruptions.compare(VectorOperators.GE, p.maxInterruptions());
        if (p.hasDeadline()) {
            DoubleVector resumeRemaining = DoubleVector.broadcast(D, p.segments() - 1).sub(segment)
                    .mul(segmentHours).add(p.lastSegmentHours());
            fallback = fallback.or(DoubleVector.broadcast(D, p.deadlineHours())
                    .sub(t.add(restart).add(resumeRemaining)).compare(VectorOperators.LT, p.fallbackSlackHours()));
        }
        fallback = fallback.and(interrupted);
        DoubleVector.zero(D).blend(1.0, onDemand.or(fallback)).intoArray(st.onDemand, o);
        DoubleVector restartPrice = spotPrice.blend(p.onDemandPrice(), fallback);
        t.add(restart, interrupted).intoArray(st.t, o);
        cost.add(restart.mul(restartPrice), interrupted).intoArray(st.cost, o);
        onDemandHours.add(restart, fallback).intoArray(st.onDemandHours, o);
        DoubleVector.zero(D).blend(1.0, active.andNot(finishes)).intoArray(st.active, o);
        return finishes.toLong();
    }

    private static LongVector mix64(LongVector z) {
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
        return z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
    }
}
