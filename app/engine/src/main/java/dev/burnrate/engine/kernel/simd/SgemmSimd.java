package dev.burnrate.engine.kernel.simd;

import dev.burnrate.engine.kernel.SgemmKernel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.nio.FloatBuffer;

/**
 * SGEMM with a register-blocked micro-kernel: a tile of {@value #ROWS} rows by two vectors of columns of C lives
 * in registers while k runs; each step broadcasts one element of A per row and loads two vectors of B, with fused
 * multiply-add (results differ from the reference by rounding only; see the tolerance in KernelNames).
 *
 * <p>Each chunk packs one panel of B (all k, two vectors of columns) into a contiguous scratch array and sweeps its
 * rows past it, so the panel is read from L1/L2 rather than strided through memory. Packing into heap arrays also
 * avoids the FFM {@code MemorySegment} loads, a preview API at the project's Java 21 release level. Edges (rows
 * not a multiple of the tile, columns not a multiple of the panel) use the scalar reference loop order.
 */
final class SgemmSimd {

    static final int ROWS = 6;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int V = F.length();
    private static final int PANEL = 2 * V;

    private SgemmSimd() {
    }

    static void run(SgemmKernel.Args x, int fromRow, int toRow) {
        int n = x.n();
        int k = x.k();
        int fullColumns = n - n % PANEL;
        int fullRowsEnd = fromRow + (toRow - fromRow) / ROWS * ROWS;
        float[] panel = new float[k * PANEL];
        float[] rows = new float[ROWS * k];
        float[] out = new float[PANEL];
        for (int j = 0; j < fullColumns; j += PANEL) {
            pack(x.b(), panel, j, n, k);
            for (int i = fromRow; i < fullRowsEnd; i += ROWS) {
                x.a().get(i * k, rows, 0, ROWS * k);
                tile(rows, panel, out, x.c(), i, j, n, k);
            }
        }
        for (int i = fromRow; i < fullRowsEnd; i++) {
            edgeColumns(x, i, fullColumns);
        }
        SgemmKernel.run(x, fullRowsEnd, toRow);
    }

    /** Copies columns {@code [j, j + PANEL)} of B, row after row, into {@code panel}. */
    private static void pack(FloatBuffer b, float[] panel, int j, int n, int k) {
        for (int p = 0; p < k; p++) {
            b.get(p * n + j, panel, p * PANEL, PANEL);
        }
    }

    private static void tile(float[] a, float[] panel, float[] out, FloatBuffer c, int i, int j, int n, int k) {
        FloatVector c00 = FloatVector.zero(F);
        FloatVector c01 = FloatVector.zero(F);
        FloatVector c10 = FloatVector.zero(F);
        FloatVector c11 = FloatVector.zero(F);
        FloatVector c20 = FloatVector.zero(F);
        FloatVector c21 = FloatVector.zero(F);
        FloatVector c30 = FloatVector.zero(F);
        FloatVector c31 = FloatVector.zero(F);
        FloatVector c40 = FloatVector.zero(F);
        FloatVector c41 = FloatVector.zero(F);
        FloatVector c50 = FloatVector.zero(F);
        FloatVector c51 = FloatVector.zero(F);
        for (int p = 0; p < k; p++) {
            FloatVector b0 = FloatVector.fromArray(F, panel, p * PANEL);
            FloatVector b1 = FloatVector.fromArray(F, panel, p * PANEL + V);
            FloatVector x = FloatVector.broadcast(F, a[p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(F, a[k + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(F, a[2 * k + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(F, a[3 * k + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(F, a[4 * k + p]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(F, a[5 * k + p]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        store(c, out, i * n + j, c00, c01);
        store(c, out, (i + 1) * n + j, c10, c11);
        store(c, out, (i + 2) * n + j, c20, c21);
        store(c, out, (i + 3) * n + j, c30, c31);
        store(c, out, (i + 4) * n + j, c40, c41);
        store(c, out, (i + 5) * n + j, c50, c51);
    }

    private static void store(FloatBuffer c, float[] out, int offset, FloatVector left, FloatVector right) {
        left.intoArray(out, 0);
        right.intoArray(out, V);
        c.put(offset, out, 0, PANEL);
    }

    /** Columns {@code [from, n)} of row {@code i}, as dot products in increasing k. */
    private static void edgeColumns(SgemmKernel.Args x, int i, int from) {
        int n = x.n();
        int k = x.k();
        for (int j = from; j < n; j++) {
            float acc = 0f;
            for (int p = 0; p < k; p++) {
                acc = acc + x.a().get(i * k + p) * x.b().get(p * n + j);
            }
            x.c().put(i * n + j, acc);
        }
    }
}
