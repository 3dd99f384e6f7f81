package dev.burnrate.plugins.opencl;

import dev.burnrate.api.ComputeBackend;
import dev.burnrate.engine.kernel.ReferenceBackend;
import dev.burnrate.engine.kernel.bench.KernelBenchmark;
import dev.burnrate.engine.kernel.simd.JvmSimdBackend;

import java.util.List;

/** The kernel benchmark over reference, jvm-simd and OpenCL in one run (run with {@code bench.sh}). */
public final class OpenClKernelBenchmark {

    private OpenClKernelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<ComputeBackend> backends = List.of(new ReferenceBackend(), new JvmSimdBackend(), new OpenClBackend());
        try {
            KernelBenchmark.run(backends, System.out);
            KernelBenchmark.perCore(System.out);
            KernelBenchmark.chunkSizes(System.out);
            KernelBenchmark.jobLengths(System.out);
        } finally {
            backends.forEach(ComputeBackend::close);
        }
    }
}
