package dev.burnrate.engine.kernel;

import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;

import java.nio.FloatBuffer;

/**
 * The reference single-precision matrix product ({@link dev.burnrate.api.KernelNames#SGEMM}): one row of C per
 * item. The i-k-j loop order adds the products of each element in increasing k, like a dot product, but walks B
 * and C along rows (cache-friendly); C's row is the accumulator.
 */
public final class SgemmKernel {

    private SgemmKernel() {
    }

    /** A checked launch. */
    public record Args(int m, int n, int k, FloatBuffer a, FloatBuffer b, FloatBuffer c) {

        public static Args from(KernelLaunch launch) throws KernelException {
            int m = KernelArgs.intAtLeast(launch, "m", 1);
            int n = KernelArgs.intAtLeast(launch, "n", 1);
            int k = KernelArgs.intAtLeast(launch, "k", 1);
            KernelArgs.requireSize(launch, (long) m * n, "m * n");
            KernelArgs.require(Math.max((long) m * k, (long) k * n) <= Integer.MAX_VALUE, launch,
                    "m * k and k * n must fit an int index");
            return new Args(m, n, k, KernelArgs.input(launch, "a", FloatBuffer.class, (long) m * k),
                    KernelArgs.input(launch, "b", FloatBuffer.class, (long) k * n),
                    KernelArgs.output(launch, "c", FloatBuffer.class, (long) m * n));
        }

        /** Floating-point operations of the product: {@code 2 m n k}. */
        public double flops() {
            return 2.0 * m * n * k;
        }
    }

    public static BoundKernel bind(KernelLaunch launch) throws KernelException {
        Args args = Args.from(launch);
        return new BoundKernel() {
            public int items() {
                return args.m();
            }

            public void run(int from, int to) {
                SgemmKernel.run(args, from, to);
            }
        };
    }

    public static void run(Args x, int fromRow, int toRow) {
        int n = x.n();
        int k = x.k();
        for (int i = fromRow; i < toRow; i++) {
            int cRow = i * n;
            for (int j = 0; j < n; j++) {
                x.c().put(cRow + j, 0f);
            }
            for (int p = 0; p < k; p++) {
                float aik = x.a().get(i * k + p);
                int bRow = p * n;
                for (int j = 0; j < n; j++) {
                    x.c().put(cRow + j, x.c().get(cRow + j) + aik * x.b().get(bRow + j));
                }
            }
        }
    }
}
