package dev.burnrate.engine.kernel.simd;

import dev.burnrate.engine.kernel.BatchedGemvKernel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Batched GEMV: each output element is a dot product over n, accumulated in four vectors (four independent
 * fused multiply-add chains hide the FMA latency) and reduced at the end; the tail of n is scalar. Rows of A and
 * the batch's x are bulk-copied into scratch arrays (a memcpy the Vector API then loads from), because segment
 * loads from direct buffers need FFM, a preview API at release 21.
 */
final class BatchedGemvSimd {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int V = F.length();

    private BatchedGemvSimd() {
    }

    static void run(BatchedGemvKernel.Args g, int fromRow, int toRow) {
        int n = g.n();
        float[] row = new float[n];
        float[] x = new float[n];
        int loadedBatch = -1;
        for (int r = fromRow; r < toRow; r++) {
            int batch = r / g.m();
            if (batch != loadedBatch) {
                g.x().get(batch * n, x, 0, n);
                loadedBatch = batch;
            }
            g.a().get(r * n, row, 0, n);
            g.y().put(r, dot(row, x, n));
        }
    }

    private static float dot(float[] a, float[] x, int n) {
        FloatVector s0 = FloatVector.zero(F);
        FloatVector s1 = FloatVector.zero(F);
        FloatVector s2 = FloatVector.zero(F);
        FloatVector s3 = FloatVector.zero(F);
        int unrolled = n - n % (4 * V);
        int j = 0;
        for (; j < unrolled; j += 4 * V) {
            s0 = FloatVector.fromArray(F, a, j).fma(FloatVector.fromArray(F, x, j), s0);
            s1 = FloatVector.fromArray(F, a, j + V).fma(FloatVector.fromArray(F, x, j + V), s1);
            s2 = FloatVector.fromArray(F, a, j + 2 * V).fma(FloatVector.fromArray(F, x, j + 2 * V), s2);
            s3 = FloatVector.fromArray(F, a, j + 3 * V).fma(FloatVector.fromArray(F, x, j + 3 * V), s3);
        }
        for (; j + V <= n; j += V) {
            s0 = FloatVector.fromArray(F, a, j).fma(FloatVector.fromArray(F, x, j), s0);
        }
        float acc = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; j < n; j++) {
            acc = acc + a[j] * x[j];
        }
        return acc;
    }
}
