package dev.burnrate.engine.kernel.simd;

import dev.burnrate.engine.kernel.CounterRng;
import dev.burnrate.engine.kernel.SpotTrainingKernel;
import dev.burnrate.engine.kernel.SpotTrainingParams;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * The spot-training Monte Carlo with one scenario per vector lane. Each step takes every lane from one (re)start to
 * its next interruption, or to the end of its job, with the reference's floating-point operations in the
 * reference's order, so every lane's result is bit-identical to {@link SpotTrainingKernel}'s.
 *
 * <p>Per step the time goes to the draw's {@code ln} (a dependency chain of a division and eleven multiply-adds)
 * and to the vector instructions around it (see BENCHMARKS.md for the profile), so the lane state is shaped to
 * need few instructions:
 * <ul>
 *   <li>A lane only ever runs on spot capacity. When it falls back to on-demand, its last leg (restart plus the
 *       remaining work at the on-demand price) is added in the same step and the lane finishes: the reference
 *       adds the same terms in the same order one iteration later.</li>
 *   <li>A finished lane is logged and restarted with vector compress/expand and blends, without a branch per
 *       lane: a scalar loop over the finished lanes mispredicted on every random finish.</li>
 *   <li>An idle lane (no scenarios left) computes values nobody reads; its scenario number marks it.</li>
 *   <li>Each lane keeps its random stream's counter ({@code key + draws * gamma}) and adds gamma per draw; a lane
 *       draws once per step, and every step but its last is an interruption.</li>
 * </ul>
 *
 * <p>A step is split into {@link #drawRunningHours} and {@link #advance}, which exchange the lane state through
 * small arrays: one method holding both exceeds C2's inlining node budget, and a Vector API call that is not
 * inlined boxes its vectors (measured: slower than the scalar reference).
 */
final class SpotTrainingSimd {

    private static final VectorSpecies<Double> D = VectorLn.D;
    private static final VectorSpecies<Long> L = VectorLn.L;
    private static final int VECTOR = D.length();
    /** Vectors of lanes stepped together: four measured fastest (two: 12% slower, eight: 7% slower). */
    static final int GROUPS = 4;
    private static final int LANES = GROUPS * VECTOR;

    private SpotTrainingSimd() {
    }

    /**
     * Per-lane state, in arrays so that it crosses method boundaries unboxed. Counts and scenario numbers are
     * doubles (exact below 2^53) so that the step's masks live in the double species: mask and/or between masks
     * cast from the long species made C2 fall back to allocating Java code (measured with JFR).
     */
    private static final class Lanes {
        /** The random stream's counter before the next draw: {@code key + draws * gamma}. */
        final long[] counter = new long[LANES];
        /**
         * The double-valued lane state, one field after the other ({@link SpotTrainingSimd#SEGMENTS_LEFT}, ...),
         * each LANES long: one array lets C2 check the bounds of all fields of a vector once.
         */
        final double[] state = new double[FIELDS * LANES];
        /** Per vector, the lanes that took a new scenario since its last step: {@link #advance} zeroes their state. */
        final long[] started = new long[GROUPS];
        /** Per vector, the lanes whose scenario ended in the last step (from {@link #advance}). */
        final long[] done = new long[GROUPS];
        /** Every scenario's stream key, computed up front in vectors, padded by a vector; grows to a block. */
        long[] keys = new long[0];
        int from;
        int end;
        /** The next scenario to hand out; never beyond {@link #end}. */
        int next;

        /** Finished scenarios not yet written to the outputs, in the order they finished (flushed in batches). */
        final double[] log = new double[LOG_FIELDS * LOG_STRIDE];
        int logged;

        /** Starts scenarios {@code [from, end)} on idle lanes, forgetting any earlier range. */
        void start(long seed, int from, int end) {
            this.from = from;
            this.end = end;
            this.next = from;
            this.logged = 0;
            if (keys.length < end - from + VECTOR) {
                keys = new long[end - from + VECTOR];
            }
            // Idle lanes compute with whatever their state holds: zeroes, not an earlier range's infinities.
            Arrays.fill(state, 0.0);
            Arrays.fill(state, SCENARIO, SCENARIO + LANES, end);
            LongVector lane = LongVector.zero(L).addIndex(1);
            for (int i = 0; i < end - from; i += VECTOR) {
                LongVector index = lane.add(from + i);
                mix64(mix64(index).lanewise(VectorOperators.XOR, seed)).intoArray(keys, i);
            }
        }
    }

    /**
     * Each thread's lane state, reused from call to call: a chunk call then allocates nothing (it allocated about
     * 60 KB per 4,096 scenarios, and the garbage collections it caused showed as noise in the benchmark).
     */
    private static final ThreadLocal<Lanes> LANES_OF_THREAD = ThreadLocal.withInitial(Lanes::new);

    /** Offsets of the fields in {@link Lanes#state}. */
    private static final int SEGMENTS_LEFT = 0;
    private static final int INTERRUPTIONS = LANES;
    /** Running hours until the next interruption, from {@link #drawRunningHours}. */
    private static final int X = 2 * LANES;
    private static final int T = 3 * LANES;
    private static final int COST = 4 * LANES;
    /** Written by every step: the on-demand hours of a lane that fell back in it, else 0. */
    private static final int ON_DEMAND_HOURS = 5 * LANES;
    /** The lane's scenario; {@code end} or more when the lane is idle. */
    private static final int SCENARIO = 6 * LANES;
    private static final int FIELDS = 7;

    /** Finished scenarios buffered before they are written to the output buffers. */
    private static final int LOG = 512;
    /**
     * Entries per field in {@link Lanes#log}: a flush happens at LOG entries or more, after a step added at most
     * LANES, and compress writes whole vectors. One array for all fields: C2 then checks bounds once per refill.
     */
    private static final int LOG_STRIDE = LOG + LANES + VECTOR;
    private static final int LOG_SCENARIO = 0;
    private static final int LOG_T = LOG_STRIDE;
    private static final int LOG_COST = 2 * LOG_STRIDE;
    private static final int LOG_ON_DEMAND_HOURS = 3 * LOG_STRIDE;
    private static final int LOG_INTERRUPTIONS = 4 * LOG_STRIDE;
    private static final int LOG_FIELDS = 5;
    /** Scenarios per {@link Lanes#start}: bounds the stream keys kept per thread (64 KB), whatever the chunk size. */
    private static final int BLOCK = 1 << 13;

    /**
     * Runs scenarios {@code [from, to)}. A lane whose scenario ends is logged and takes the next scenario in the
     * same step, all in vector operations: a scalar refill loop mispredicted its branches on every random finish.
     * Lanes do not idle while the most-interrupted scenario finishes (scenarios are independent, so which lane runs
     * which does not change any result).
     */
    static void run(SpotTrainingParams p, SpotTrainingKernel.Outputs out, int from, int to) {
        for (long block = from; block < to; block += BLOCK) {
            runBlock(p, out, (int) block, (int) Math.min(block + BLOCK, to));
        }
    }

    private static void runBlock(SpotTrainingParams p, SpotTrainingKernel.Outputs out, int from, int to) {
        Lanes st = LANES_OF_THREAD.get();
        st.start(p.seed(), from, to);
        long allLanes = VECTOR == 64 ? -1L : (1L << VECTOR) - 1;
        for (int o = 0; o < LANES; o += VECTOR) {
            refill(st, o, allLanes);
        }
        int finished = 0;
        while (finished < to - from) {
            drawRunningHours(p, st);
            advance(p, st);
            for (int o = 0; o < LANES; o += VECTOR) {
                long done = st.done[o / VECTOR];
                if (done != 0) {
                    finished += refill(st, o, done);
                }
            }
            if (st.logged >= LOG) {
                flush(st, out);
            }
        }
        flush(st, out);
    }

    /**
     * Logs the lanes of the vector at {@code o} that finished a scenario and starts the next scenarios on them.
     * Returns how many scenarios it logged.
     */
    private static int refill(Lanes st, int o, long doneBits) {
        VectorMask<Double> done = VectorMask.fromLong(D, doneBits);
        DoubleVector scenario = DoubleVector.fromArray(D, st.state, SCENARIO + o);
        VectorMask<Double> logged = done.and(scenario.compare(VectorOperators.LT, (double) st.end));
        int at = st.logged;
        double[] log = st.log;
        scenario.compress(logged).intoArray(log, LOG_SCENARIO + at);
        DoubleVector.fromArray(D, st.state, T + o).compress(logged).intoArray(log, LOG_T + at);
        DoubleVector.fromArray(D, st.state, COST + o).compress(logged).intoArray(log, LOG_COST + at);
        DoubleVector.fromArray(D, st.state, ON_DEMAND_HOURS + o).compress(logged)
                .intoArray(log, LOG_ON_DEMAND_HOURS + at);
        DoubleVector.fromArray(D, st.state, INTERRUPTIONS + o).compress(logged).intoArray(log, LOG_INTERRUPTIONS + at);
        int count = logged.trueCount();
        st.logged = at + count;

        int next = st.next;
        DoubleVector fresh = DoubleVector.zero(D).addIndex(1).add(next).expand(done);
        scenario.blend(fresh, done).intoArray(st.state, SCENARIO + o);
        LongVector keys = LongVector.fromArray(L, st.keys, next - st.from).expand(done.cast(L));
        LongVector.fromArray(L, st.counter, o).blend(keys, done.cast(L)).intoArray(st.counter, o);
        st.started[o / VECTOR] = doneBits;
        st.next = Math.min(next + done.trueCount(), st.end);
        return count;
    }

    private static void flush(Lanes st, SpotTrainingKernel.Outputs out) {
        double[] log = st.log;
        for (int i = 0; i < st.logged; i++) {
            int s = (int) log[LOG_SCENARIO + i];
            out.wallHours().put(s, log[LOG_T + i]);
            out.cost().put(s, log[LOG_COST + i]);
            out.onDemandHours().put(s, log[LOG_ON_DEMAND_HOURS + i]);
            out.interruptions().put(s, (int) log[LOG_INTERRUPTIONS + i]);
        }
        st.logged = 0;
    }

    /** Every lane's running hours until its next interruption: {@code -ln(1 - u) * (1 / rate)}; +inf at rate 0. */
    private static void drawRunningHours(SpotTrainingParams p, Lanes st) {
        if (!(p.interruptionsPerHour() > 0)) {
            Arrays.fill(st.state, X, X + LANES, Double.POSITIVE_INFINITY);
            return;
        }
        // -(ln v) * m and (ln v) * (-m) are the same double: negation is exact.
        double minusMeanHours = -p.meanHoursBetweenInterruptions();
        for (int o = 0; o < LANES; o += VECTOR) {
            LongVector counter = LongVector.fromArray(L, st.counter, o).add(CounterRng.GOLDEN_GAMMA);
            counter.intoArray(st.counter, o);
            DoubleVector u = ((DoubleVector) mix64(counter).lanewise(VectorOperators.LSHR, 11)
                    .convert(VectorOperators.L2D, 0)).mul(CounterRng.UNIT);
            VectorLn.ln(DoubleVector.broadcast(D, 1.0).sub(u)).mul(minusMeanHours).intoArray(st.state, X + o);
        }
    }

    /**
     * One step of every vector's lanes: to the next interruption and restart (and, after a fallback, through the
     * on-demand remainder), or to the end of the job. Records the lanes whose job ended in {@link Lanes#done}.
     * The vectors are stepped in one loop body, not in a method called per vector: C2 then interleaves their
     * dependency chains (measured: 4.8x to 5.2x the reference per core).
     */
    private static void advance(SpotTrainingParams p, Lanes st) {
        double segmentHours = p.segmentHours();
        double lastSegmentHours = p.lastSegmentHours();
        double restartHours = p.restartHours();
        double fullSegmentsAtStart = p.segments() - 1;
        double maxInterruptions = p.maxInterruptions();
        double[] state = st.state;
        for (int o = 0; o < LANES; o += VECTOR) {
            VectorMask<Double> started = VectorMask.fromLong(D, st.started[o / VECTOR]);
            st.started[o / VECTOR] = 0;
            DoubleVector fullSegments = DoubleVector.fromArray(D, state, SEGMENTS_LEFT + o)
                    .blend(fullSegmentsAtStart, started);
            DoubleVector fullHours = fullSegments.mul(segmentHours);
            DoubleVector remaining = fullHours.add(lastSegmentHours);
            DoubleVector x = DoubleVector.fromArray(D, state, X + o);
            VectorMask<Double> finishes = x.compare(VectorOperators.GE, remaining);
            VectorMask<Double> interrupted = finishes.not();
            // Running hours of this leg: x when interrupted, the remaining work when it finishes. (A blend, not min:
            // min's NaN and -0.0 rules cost six instructions.)
            DoubleVector runHours = x.blend(remaining, finishes);
            DoubleVector t = DoubleVector.fromArray(D, state, T + o).blend(0.0, started).add(runHours);
            DoubleVector cost = DoubleVector.fromArray(D, state, COST + o).blend(0.0, started)
                    .add(runHours.mul(p.spotPrice()));
            DoubleVector completed = (DoubleVector) x.div(segmentHours).convert(VectorOperators.D2L, 0)
                    .convert(VectorOperators.L2D, 0);
            completed = completed.sub(1.0, completed.mul(segmentHours).compare(VectorOperators.GT, x))
                    .blend(fullSegments, x.compare(VectorOperators.GE, fullHours));
            DoubleVector segmentsLeft = fullSegments.sub(completed);
            segmentsLeft.intoArray(state, SEGMENTS_LEFT + o);
            DoubleVector interruptions = DoubleVector.fromArray(D, state, INTERRUPTIONS + o).blend(0.0, started)
                    .add(1.0, interrupted);
            interruptions.intoArray(state, INTERRUPTIONS + o);
            DoubleVector resumeRemaining = segmentsLeft.mul(segmentHours).add(lastSegmentHours);
            DoubleVector restarted = t.add(restartHours);
            DoubleVector onDemandEnd = restarted.add(resumeRemaining);
            VectorMask<Double> fallback = interruptions.compare(VectorOperators.GE, maxInterruptions);
            if (p.hasDeadline()) {
                fallback = fallback.or(DoubleVector.broadcast(D, p.deadlineHours()).sub(onDemandEnd)
                        .compare(VectorOperators.LT, p.fallbackSlackHours()));
            }
            fallback = fallback.and(interrupted);
            t.blend(restarted, interrupted).blend(onDemandEnd, fallback).intoArray(state, T + o);
            DoubleVector restartCost = DoubleVector.broadcast(D, restartHours * p.spotPrice())
                    .blend(restartHours * p.onDemandPrice(), fallback);
            cost.add(restartCost, interrupted).add(resumeRemaining.mul(p.onDemandPrice()), fallback)
                    .intoArray(state, COST + o);
            // The reference adds restart, then the remaining hours, to on-demand hours that are still 0.
            DoubleVector.zero(D).blend(resumeRemaining.add(restartHours), fallback)
                    .intoArray(state, ON_DEMAND_HOURS + o);
            st.done[o / VECTOR] = finishes.or(fallback).toLong();
        }
    }

    private static LongVector mix64(LongVector z) {
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
        return z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
    }
}
