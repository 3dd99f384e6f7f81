package dev.burnrate.engine.kernel.simd;

import dev.burnrate.engine.kernel.CommitmentCoverageKernel;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Commitment coverage with one coverage level per lane: the hours loop stays sequential per lane, so sums are
 * added in the reference's order and match it bit for bit. Lanes never straddle two terms (their prices differ);
 * a term's last partial vector uses the scalar reference.
 */
final class CommitmentCoverageSimd {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final DoubleVector IOTA = DoubleVector.fromArray(D, iota(D.length()), 0);

    private CommitmentCoverageSimd() {
    }

    private static double[] iota(int length) {
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = i;
        }
        return values;
    }

    static void run(CommitmentCoverageKernel.Args a, int from, int to) {
        int levels = a.levels();
        int i = from;
        while (i < to) {
            int termEnd = Math.min(to, (i / levels + 1) * levels);
            for (; i + D.length() <= termEnd; i += D.length()) {
                block(a, i);
            }
            CommitmentCoverageKernel.run(a, i, termEnd);
            i = termEnd;
        }
    }

    private static void block(CommitmentCoverageKernel.Args a, int first) {
        DoubleVector level = IOTA.add(first % a.levels());
        DoubleVector committed = DoubleVector.broadcast(D, a.peakUsage()).mul(level).div(a.levels() - 1);
        DoubleVector over = DoubleVector.zero(D);
        DoubleVector unused = DoubleVector.zero(D);
        for (int h = 0; h < a.hours(); h++) {
            DoubleVector u = DoubleVector.broadcast(D, a.usage().get(h));
            over = over.add(u.sub(committed).max(0.0));
            unused = unused.add(committed.sub(u).max(0.0));
        }
        DoubleVector cost = committed.mul(a.committedPrices().get(first / a.levels())).mul(a.hours())
                .add(over.mul(a.onDemandPrice()));
        for (int lane = 0; lane < D.length(); lane++) {
            a.cost().put(first + lane, cost.lane(lane));
            a.unusedUnitHours().put(first + lane, unused.lane(lane));
        }
    }
}
