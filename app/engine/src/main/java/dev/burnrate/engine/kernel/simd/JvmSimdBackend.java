package dev.burnrate.engine.kernel.simd;

import dev.burnrate.api.Availability;
import dev.burnrate.api.ComputeBackend;
import dev.burnrate.api.DeviceInfo;
import dev.burnrate.api.DeviceType;
import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;
import dev.burnrate.api.KernelNames;
import dev.burnrate.engine.anomaly.AnomalyScoreKernel;
import dev.burnrate.engine.kernel.BatchedGemvKernel;
import dev.burnrate.engine.kernel.BoundKernel;
import dev.burnrate.engine.kernel.CommitmentCoverageKernel;
import dev.burnrate.engine.kernel.ExpSmoothingKernel;
import dev.burnrate.engine.kernel.InferenceCapacityKernel;
import dev.burnrate.engine.kernel.ReferenceBackend;
import dev.burnrate.engine.kernel.SgemmKernel;
import dev.burnrate.engine.kernel.SpotTrainingKernel;
import dev.burnrate.engine.kernel.SpotTrainingParams;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kernels on all of the JVM's cores with the Java Vector API ({@code jdk.incubator.vector}): items are split
 * into chunks (see {@link #DEFAULT_CHUNKS}, measured by the kernel benchmark) that worker threads take in turn,
 * and each chunk runs a vectorised kernel. Not available when the JVM lacks the incubator module.
 */
public final class JvmSimdBackend implements ComputeBackend {

    public static final String ID = "jvm-simd";

    /**
     * Items per chunk. Scenarios: a few thousand give every thread dozens of chunks (load balance) and keep each
     * call short enough to run compiled code; see BENCHMARKS.md for the measurement. Rows of matrix products:
     * a multiple of the register tile.
     */
    public static final Map<String, Integer> DEFAULT_CHUNKS = Map.of(
            KernelNames.SPOT_TRAINING_MONTE_CARLO, 4096,
            KernelNames.INFERENCE_CAPACITY, 1,
            KernelNames.COMMITMENT_COVERAGE, 32,
            KernelNames.SGEMM, 16 * SgemmSimd.ROWS,
            KernelNames.BATCHED_GEMV, 256,
            KernelNames.ANOMALY_SCORE, 64,
            KernelNames.EXP_SMOOTHING_GRID, 256,
            KernelNames.EXP_SMOOTHING_FORECAST, 16);

    private final int threads;
    private final Map<String, Integer> chunks;
    private ChunkedExecutor executor;

    /** All available processors and the default chunk sizes. */
    public JvmSimdBackend() {
        this(Runtime.getRuntime().availableProcessors(), Map.of());
    }

    /** @param chunkOverrides items per chunk for some kernels (the benchmark measures chunk sizes this way) */
    public JvmSimdBackend(int threads, Map<String, Integer> chunkOverrides) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
        this.chunks = new HashMap<>(DEFAULT_CHUNKS);
        chunkOverrides.forEach((kernel, chunk) -> {
            if (chunk < 1) {
                throw new IllegalArgumentException("chunk size for " + kernel + " must be at least 1: " + chunk);
            }
            chunks.put(kernel, chunk);
        });
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "JVM Vector API (" + threads + " threads)";
    }

    @Override
    public Availability availability() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return Availability.no("the JVM was started without --add-modules jdk.incubator.vector");
        }
        return Availability.yes();
    }

    @Override
    public List<DeviceInfo> devices() {
        String lanes = availability().available() ? ", " + VectorInfo.describe() : "";
        return List.of(new DeviceInfo("JVM, " + threads + " threads" + lanes, DeviceType.CPU,
                System.getProperty("java.vm.vendor"), threads, Runtime.getRuntime().maxMemory()));
    }

    @Override
    public Set<String> kernels() {
        return new LinkedHashSet<>(KernelNames.ALL);
    }

    @Override
    public void launch(KernelLaunch launch) throws KernelException {
        Availability availability = availability();
        if (!availability.available()) {
            throw new KernelException(ID + " is not available: " + availability.reason());
        }
        BoundKernel kernel = bind(launch);
        executor().run(kernel, chunks.get(launch.kernel()));
    }

    private synchronized ChunkedExecutor executor() {
        if (executor == null) {
            executor = new ChunkedExecutor(threads);
        }
        return executor;
    }

    private static BoundKernel bind(KernelLaunch launch) throws KernelException {
        return switch (launch.kernel()) {
            case KernelNames.SPOT_TRAINING_MONTE_CARLO -> {
                SpotTrainingParams params = SpotTrainingParams.from(launch);
                SpotTrainingKernel.Outputs out = SpotTrainingKernel.Outputs.from(launch);
                yield bound(launch.size(), (from, to) -> SpotTrainingSimd.run(params, out, from, to));
            }
            case KernelNames.INFERENCE_CAPACITY -> {
                InferenceCapacityKernel.Args args = InferenceCapacityKernel.Args.from(launch);
                yield bound(args.offerings(), (from, to) -> InferenceCapacitySimd.run(args, from, to));
            }
            case KernelNames.COMMITMENT_COVERAGE -> {
                CommitmentCoverageKernel.Args args = CommitmentCoverageKernel.Args.from(launch);
                yield bound(args.items(), (from, to) -> CommitmentCoverageSimd.run(args, from, to));
            }
            case KernelNames.SGEMM -> {
                SgemmKernel.Args args = SgemmKernel.Args.from(launch);
                yield bound(args.m(), (from, to) -> SgemmSimd.run(args, from, to));
            }
            case KernelNames.BATCHED_GEMV -> {
                BatchedGemvKernel.Args args = BatchedGemvKernel.Args.from(launch);
                yield bound(args.batch() * args.m(), (from, to) -> BatchedGemvSimd.run(args, from, to));
            }
            case KernelNames.ANOMALY_SCORE -> {
                // Each series is a sequential recurrence, so the parallelism is across series: chunks of series
                // on all threads, each scanned in time order by the reference's allocation-free scan.
                AnomalyScoreKernel.Args args = AnomalyScoreKernel.Args.from(launch);
                yield bound(args.series(), (from, to) -> AnomalyScoreKernel.run(args, from, to));
            }
            case KernelNames.EXP_SMOOTHING_GRID -> {
                ExpSmoothingKernel.GridArgs args = ExpSmoothingKernel.GridArgs.from(launch);
                double[][] columns = ExpSmoothingSimd.columns(args);
                yield bound(launch.size(), (from, to) -> ExpSmoothingSimd.run(args, columns, from, to));
            }
            // One series per item, each its own parameters: the reference loop on every core.
            default -> ReferenceBackend.bind(launch);
        };
    }

    private interface Range {
        void run(int from, int to);
    }

    private static BoundKernel bound(int items, Range range) {
        return new BoundKernel() {
            public int items() {
                return items;
            }

            public void run(int from, int to) {
                range.run(from, to);
            }
        };
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.close();
            executor = null;
        }
    }
}
