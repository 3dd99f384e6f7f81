package dev.burnrate.engine.kernel;

import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;

import java.nio.FloatBuffer;

/**
 * The reference batched matrix-vector product ({@link dev.burnrate.api.KernelNames#BATCHED_GEMV}): one output
 * element (a row of one matrix of the batch) per item.
 */
public final class BatchedGemvKernel {

    private BatchedGemvKernel() {
    }

    /** A checked launch. */
    public record Args(int batch, int m, int n, FloatBuffer a, FloatBuffer x, FloatBuffer y) {

        public static Args from(KernelLaunch launch) throws KernelException {
            int batch = KernelArgs.intAtLeast(launch, "batch", 1);
            int m = KernelArgs.intAtLeast(launch, "m", 1);
            int n = KernelArgs.intAtLeast(launch, "n", 1);
            KernelArgs.requireSize(launch, (long) batch * m, "batch * m");
            KernelArgs.require((long) batch * m * n <= Integer.MAX_VALUE, launch,
                    "batch * m * n must fit an int index: " + (long) batch * m * n);
            return new Args(batch, m, n, KernelArgs.input(launch, "a", FloatBuffer.class, (long) batch * m * n),
                    KernelArgs.input(launch, "x", FloatBuffer.class, (long) batch * n),
                    KernelArgs.output(launch, "y", FloatBuffer.class, (long) batch * m));
        }

        public double flops() {
            return 2.0 * batch * m * n;
        }
    }

    public static BoundKernel bind(KernelLaunch launch) throws KernelException {
        Args args = Args.from(launch);
        return new BoundKernel() {
            public int items() {
                return args.batch() * args.m();
            }

            public void run(int from, int to) {
                BatchedGemvKernel.run(args, from, to);
            }
        };
    }

    public static void run(Args g, int fromRow, int toRow) {
        int n = g.n();
        for (int row = fromRow; row < toRow; row++) {
            int xBase = (row / g.m()) * n;
            int aBase = row * n;
            float acc = 0f;
            for (int j = 0; j < n; j++) {
                acc = acc + g.a().get(aBase + j) * g.x().get(xBase + j);
            }
            g.y().put(row, acc);
        }
    }
}
