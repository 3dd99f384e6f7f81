package dev.burnrate.engine.forecast.bench;

import dev.burnrate.api.ComputeBackend;
import dev.burnrate.engine.forecast.Forecaster;
import dev.burnrate.engine.forecast.Seasons;
import dev.burnrate.engine.kernel.KernelRouter;
import dev.burnrate.engine.kernel.ReferenceBackend;
import dev.burnrate.engine.kernel.simd.JvmSimdBackend;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Forecasting at scale: N synthetic hourly series of 90 days (daily and weekly cycles, trends, noise, a level
 * shift in some) fitted and forecast 48 hours ahead on each backend; prints time, series/s, the ratio to the
 * reference and the peak heap. Usage: {@code ScaleBenchmark N} (run by {@code forecast-bench.sh --scale N}).
 */
public final class ScaleBenchmark {

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        List<double[]> series = synthetic(count, 90 * 24);
        System.out.printf(Locale.ROOT, "%,d hourly series of 90 days, horizon 48, %d cores, load average %s%n",
                count, Runtime.getRuntime().availableProcessors(), ForecastBenchmark.loadAverage());
        System.out.println("| backend | seconds | series/s | x reference | peak heap MiB |");
        System.out.println("|---|---:|---:|---:|---:|");
        double referenceSeconds = Double.NaN;
        for (ComputeBackend backend : List.of(new ReferenceBackend(), new JvmSimdBackend())) {
            try (backend) {
                Forecaster forecaster = new Forecaster(KernelRouter.always(backend), Clock.systemUTC());
                forecaster.forecast(series.subList(0, Math.min(count, 64)), Seasons.of(24), 48);
                resetPeaks();
                long start = System.nanoTime();
                forecaster.forecast(series, Seasons.of(24), 48);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (backend.id().equals(ReferenceBackend.ID)) {
                    referenceSeconds = seconds;
                }
                System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.2f | %d |%n", backend.id(), seconds,
                        count / seconds, referenceSeconds / seconds, peakHeap() >> 20);
            }
        }
    }

    static List<double[]> synthetic(int count, int length) {
        SplittableRandom random = new SplittableRandom(42);
        List<double[]> out = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            double level = 10 + 1000 * random.nextDouble();
            double daily = random.nextDouble() * 0.5;
            double weekly = random.nextDouble() * 0.3;
            double trend = (random.nextDouble() - 0.3) * 0.002;
            int shift = random.nextInt(4) == 0 ? random.nextInt(length) : length;
            double[] y = new double[length];
            for (int t = 0; t < length; t++) {
                double base = level * (1 + trend * t) * (t >= shift ? 1.4 : 1.0);
                y[t] = Math.max(0, base * (1 + daily * Math.sin(2 * Math.PI * t / 24)
                        + weekly * Math.sin(2 * Math.PI * t / 168)) + level * 0.05 * random.nextGaussian());
            }
            out.add(y);
        }
        return out;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
