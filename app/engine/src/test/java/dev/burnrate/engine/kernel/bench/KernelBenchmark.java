package dev.burnrate.engine.kernel.bench;

import dev.burnrate.api.ComputeBackend;
import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;
import dev.burnrate.api.KernelNames;
import dev.burnrate.engine.kernel.CpuPeak;
import dev.burnrate.engine.kernel.ReferenceBackend;
import dev.burnrate.engine.kernel.SpotTrainingParams;
import dev.burnrate.engine.kernel.SpotTrainingPlan;
import dev.burnrate.engine.kernel.conformance.KernelBuffers;
import dev.burnrate.engine.kernel.simd.JvmSimdBackend;

import java.io.PrintStream;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The kernel benchmark: Monte Carlo scenarios/s of every backend with its ratio to {@code reference} measured in
 * the same run, SGEMM and batched-GEMV GFLOP/s with their fraction of the CPU's fp32 peak, and jvm-simd's
 * scenarios/s per chunk size. Each figure is the best of several timed runs after a warm-up that lasts until
 * the time stops improving (see {@link #bestSeconds}). Prints Markdown
 * for BENCHMARKS.md. Run with {@code app/engine/bench.sh}; the OpenCL plugin adds its backend with
 * {@link #run(List, PrintStream)}.
 */
public final class KernelBenchmark {

    static final int SCENARIOS = 1_000_000;
    static final SpotTrainingPlan PLAN = new SpotTrainingPlan(100, 4, 0.1, 0.5, 0.05, 30, 98, 130, 4, 1000);

    private KernelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<ComputeBackend> backends = new ArrayList<>(List.of(new ReferenceBackend(), new JvmSimdBackend()));
        try {
            run(backends, System.out);
            perCore(System.out);
            chunkSizes(System.out);
            jobLengths(System.out);
        } finally {
            backends.forEach(ComputeBackend::close);
        }
    }

    /** Benchmarks the given backends; the first must be the reference. */
    public static void run(List<ComputeBackend> backends, PrintStream out) throws KernelException {
        int cores = Runtime.getRuntime().availableProcessors();
        CpuPeak peak = CpuPeak.detect(cores);
        out.printf("Machine: %d cores, %s, JDK %s%n", cores, System.getProperty("os.arch"),
                System.getProperty("java.version"));
        out.printf("fp32 peak: %s%n", peak.derivation());
        out.printf("Load average at start (1/5/15 min, other engineers share this machine): %s%n%n", loadAverage());
        out.printf("Monte Carlo: %,d scenarios, %s%n%n", SCENARIOS, PLAN);
        out.println("| backend | device | MC scenarios/s | x reference | SGEMM 1024^3 GFLOP/s | % fp32 peak "
                + "| GEMV 64x1024x1024 GFLOP/s |");
        out.println("|---|---|---:|---:|---:|---:|---:|");
        double referenceRate = Double.NaN;
        for (ComputeBackend backend : backends) {
            if (!backend.availability().available()) {
                out.printf("| %s | not available: %s | | | | | |%n", backend.id(), backend.availability().reason());
                continue;
            }
            boolean slow = backend.id().equals(ReferenceBackend.ID);
            double rate = monteCarloRate(backend, 3, 10);
            if (slow) {
                referenceRate = rate;
            }
            double sgemm = sgemmGflops(backend, slow ? 512 : 1024, slow ? 1 : 3);
            double gemv = gemvGflops(backend, slow ? 1 : 3);
            out.printf("| %s | %s | %,.0f | %.1f | %.1f%s | %.0f%% | %.1f |%n", backend.id(),
                    backend.devices().getFirst().name(), rate, rate / referenceRate, sgemm, slow ? " (512^3)" : "",
                    100 * sgemm / peak.gflops(), gemv);
        }
        out.printf("%nLoad average at end: %s%n%n", loadAverage());
    }

    static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /**
     * One core each, timed by the calling thread's CPU time, which other processes on a shared machine do not
     * inflate: the reference against jvm-simd on one thread (which then runs on the calling thread).
     */
    public static void perCore(PrintStream out) throws KernelException {
        CpuPeak peak = CpuPeak.detect(1);
        out.println("| one core, thread CPU time | MC scenarios/s | x reference | SGEMM 1024^3 GFLOP/s | % core peak |");
        out.println("|---|---:|---:|---:|---:|");
        double reference = Double.NaN;
        try (JvmSimdBackend simd = new JvmSimdBackend(1, Map.of())) {
            for (ComputeBackend backend : List.of(new ReferenceBackend(), simd)) {
                SpotTrainingParams params = PLAN.params(42);
                KernelLaunch mc = new KernelLaunch(KernelNames.SPOT_TRAINING_MONTE_CARLO, SCENARIOS,
                        Map.of("wallHours", KernelBuffers.doubles(SCENARIOS), "cost", KernelBuffers.doubles(SCENARIOS),
                                "onDemandHours", KernelBuffers.doubles(SCENARIOS),
                                "interruptions", KernelBuffers.ints(SCENARIOS)), params.scalars());
                double rate = SCENARIOS / bestCpuSeconds(backend, mc);
                boolean isReference = backend.id().equals(ReferenceBackend.ID);
                if (isReference) {
                    reference = rate;
                }
                int size = isReference ? 512 : 1024;
                KernelLaunch gemm = new KernelLaunch(KernelNames.SGEMM, size * size,
                        Map.of("a", KernelBuffers.randomFloats(size * size, 1),
                                "b", KernelBuffers.randomFloats(size * size, 2), "c", KernelBuffers.floats(size * size)),
                        Map.of("m", size, "n", size, "k", size));
                double gflops = 2.0 * size * size * size / bestCpuSeconds(backend, gemm) / 1e9;
                out.printf("| %s | %,.0f | %.1f | %.1f%s | %.0f%% |%n", backend.id(), rate, rate / reference, gflops,
                        isReference ? " (512^3)" : "", 100 * gflops / peak.gflops());
            }
        }
        out.println();
    }

    private static double bestCpuSeconds(ComputeBackend backend, KernelLaunch launch) throws KernelException {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 12; i++) {
            long start = threads.getCurrentThreadCpuTime();
            backend.launch(launch);
            best = Math.min(best, (threads.getCurrentThreadCpuTime() - start) / 1e9);
        }
        return best;
    }

    /** jvm-simd's Monte Carlo rate for several chunk sizes (the whole range per thread last). */
    public static void chunkSizes(PrintStream out) throws KernelException {
        int cores = Runtime.getRuntime().availableProcessors();
        out.println("| jvm-simd chunk (scenarios) | MC scenarios/s |");
        out.println("|---:|---:|");
        for (int chunk : new int[]{64, 512, 4096, 32768, 262144, SCENARIOS / cores}) {
            try (JvmSimdBackend backend = new JvmSimdBackend(cores,
                    Map.of(KernelNames.SPOT_TRAINING_MONTE_CARLO, chunk))) {
                out.printf("| %,d | %,.0f |%n", chunk, monteCarloRate(backend, 1, 3));
            }
        }
        out.println();
    }

    /**
     * The Monte Carlo's ratio by job length at the same interruption rate (deadline 1.3 times the work): per-scenario
     * work (stream key, refill, writing results) weighs less against the steps (one per interruption) as jobs grow.
     */
    public static void jobLengths(PrintStream out) throws KernelException {
        out.println("| job (GPU-hours) | interruptions per scenario | reference scenarios/s | jvm-simd scenarios/s "
                + "| x reference |");
        out.println("|---:|---:|---:|---:|---:|");
        try (JvmSimdBackend simd = new JvmSimdBackend()) {
            for (double work : new double[]{25, 100, 1000}) {
                SpotTrainingPlan plan = new SpotTrainingPlan(work, PLAN.checkpointIntervalHours(),
                        PLAN.checkpointOverheadHours(), PLAN.restartHours(), PLAN.interruptionsPerHour(),
                        PLAN.spotPrice(), PLAN.onDemandPrice(), 1.3 * work, PLAN.fallbackSlackHours(),
                        PLAN.maxInterruptions());
                KernelLaunch launch = monteCarloLaunch(plan);
                double reference = SCENARIOS / bestSeconds(new ReferenceBackend(), launch, 1, 3);
                IntBuffer interruptions = (IntBuffer) launch.buffers().get("interruptions");
                long total = 0;
                for (int s = 0; s < SCENARIOS; s++) {
                    total += interruptions.get(s);
                }
                double rate = SCENARIOS / bestSeconds(simd, launch, 3, 5);
                out.printf("| %,.0f | %.1f | %,.0f | %,.0f | %.1f |%n", work, (double) total / SCENARIOS, reference,
                        rate, rate / reference);
            }
        }
        out.println();
    }

    static double monteCarloRate(ComputeBackend backend, int warmups, int runs) throws KernelException {
        return SCENARIOS / bestSeconds(backend, monteCarloLaunch(PLAN), warmups, runs);
    }

    private static KernelLaunch monteCarloLaunch(SpotTrainingPlan plan) {
        return new KernelLaunch(KernelNames.SPOT_TRAINING_MONTE_CARLO, SCENARIOS,
                Map.of("wallHours", KernelBuffers.doubles(SCENARIOS), "cost", KernelBuffers.doubles(SCENARIOS),
                        "onDemandHours", KernelBuffers.doubles(SCENARIOS),
                        "interruptions", KernelBuffers.ints(SCENARIOS)), plan.params(42).scalars());
    }

    static double sgemmGflops(ComputeBackend backend, int size, int runs) throws KernelException {
        FloatBuffer a = KernelBuffers.randomFloats(size * size, 1);
        FloatBuffer b = KernelBuffers.randomFloats(size * size, 2);
        KernelLaunch launch = new KernelLaunch(KernelNames.SGEMM, size * size,
                Map.of("a", a, "b", b, "c", KernelBuffers.floats(size * size)),
                Map.of("m", size, "n", size, "k", size));
        return 2.0 * size * size * size / bestSeconds(backend, launch, 1, runs) / 1e9;
    }

    static double gemvGflops(ComputeBackend backend, int runs) throws KernelException {
        int batch = 64;
        int m = 1024;
        int n = 1024;
        KernelLaunch launch = new KernelLaunch(KernelNames.BATCHED_GEMV, batch * m,
                Map.of("a", KernelBuffers.randomFloats(batch * m * n, 3), "x", KernelBuffers.randomFloats(batch * n, 4),
                        "y", KernelBuffers.floats(batch * m)), Map.of("batch", batch, "m", m, "n", n));
        return 2.0 * batch * m * n / bestSeconds(backend, launch, 1, runs) / 1e9;
    }

    /**
     * Best time of {@code runs} timed launches after warming up: at least {@code warmups} launches and two seconds,
     * then more until three in a row bring no 5% gain (at most 200 launches or 20 s), so the JIT has compiled the
     * Vector API code. Two seconds because C2 can settle for a while on code it later recompiles: jvm-simd's Monte
     * Carlo ran at 49 M scenarios/s for eight launches in a row before reaching 56 M in one measured run.
     */
    static double bestSeconds(ComputeBackend backend, KernelLaunch launch, int warmups, int runs)
            throws KernelException {
        double warm = Double.MAX_VALUE;
        int stale = 0;
        long start = System.nanoTime();
        long minimum = start + 2_000_000_000L;
        long end = start + 20_000_000_000L;
        for (int i = 0; i < 200 && (i < warmups || System.nanoTime() < minimum
                || (stale < 3 && System.nanoTime() < end)); i++) {
            long launched = System.nanoTime();
            backend.launch(launch);
            double seconds = (System.nanoTime() - launched) / 1e9;
            stale = seconds < 0.95 * warm ? 0 : stale + 1;
            warm = Math.min(warm, seconds);
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long launched = System.nanoTime();
            backend.launch(launch);
            best = Math.min(best, (System.nanoTime() - launched) / 1e9);
        }
        return best;
    }
}
