package dev.burnrate.engine.kernel.conformance;

import java.nio.Buffer;
import java.nio.DoubleBuffer;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded inputs for the conformance suite, with the edge cases each kernel must get right. */
public final class ConformanceInputs {

    private ConformanceInputs() {
    }

    /** Inputs of an inference-capacity launch (outputs are added by the caller). */
    public record Inference(int hours, int offerings, Map<String, Buffer> buffers, Map<String, Number> scalars) {
    }

    /**
     * A noisy daily load curve with an idle hour and a spike (whose instance count saturates), and offerings
     * where some lack a spot or committed price.
     */
    public static Inference inference(int hours, int offerings, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DoubleBuffer rps = KernelBuffers.doubles(hours);
        for (int h = 0; h < hours; h++) {
            double daily = 1 + Math.sin(2 * Math.PI * (h % 24) / 24.0);
            rps.put(h, 40 * daily + random.nextDouble() * 15);
        }
        rps.put(5, 0);
        rps.put(hours - 1, 1e12);
        DoubleBuffer tps = KernelBuffers.doubles(offerings);
        DoubleBuffer onDemand = KernelBuffers.doubles(offerings);
        DoubleBuffer spot = KernelBuffers.doubles(offerings);
        DoubleBuffer committed = KernelBuffers.doubles(offerings);
        for (int o = 0; o < offerings; o++) {
            tps.put(o, 300 + random.nextDouble() * 5000);
            onDemand.put(o, 0.5 + random.nextDouble() * 30);
            spot.put(o, o % 3 == 2 ? Double.NaN : onDemand.get(o) * (0.3 + random.nextDouble() * 0.8));
            committed.put(o, o % 4 == 3 ? Double.NaN : onDemand.get(o) * 0.6);
        }
        return new Inference(hours, offerings,
                Map.of("requestsPerSecond", rps, "tokensPerSecond", tps, "onDemandPrice", onDemand,
                        "spotPrice", spot, "committedPrice", committed),
                Map.of("hours", hours, "tokensPerRequest", 350.0, "utilisationTarget", 0.7, "spotShare", 0.45,
                        "minInstances", 1));
    }

    /** Inputs of a commitment-coverage launch with two terms. */
    public record Coverage(int hours, int levels, int terms, Map<String, Buffer> buffers,
                           Map<String, Number> scalars) {
    }

    /** Hourly usage with weekly seasonality, noise and idle hours; 1-year and 3-year prices. */
    public static Coverage coverage(int hours, int levels, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DoubleBuffer usage = KernelBuffers.doubles(hours);
        double peak = 0;
        for (int h = 0; h < hours; h++) {
            double weekly = (h / 24) % 7 < 5 ? 1.0 : 0.4;
            double value = h % 50 == 0 ? 0 : weekly * (20 + 10 * Math.sin(h / 24.0 * 2 * Math.PI))
                    + random.nextDouble() * 4;
            usage.put(h, value);
            peak = Math.max(peak, value);
        }
        return new Coverage(hours, levels, 2,
                Map.of("usage", usage, "committedPrices", KernelBuffers.of(2.1, 1.45)),
                Map.of("hours", hours, "levels", levels, "peakUsage", peak, "onDemandPrice", 3.2));
    }

    /**
     * {@code series} rows of {@code length} steps for the anomaly-score kernel: daily-cycled noise with spikes,
     * level shifts and NaN runs, plus rows that are all zeros, constant, negative credits, huge and all missing.
     */
    public static DoubleBuffer anomalyValues(int series, int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DoubleBuffer values = KernelBuffers.doubles(series * length);
        for (int s = 0; s < series; s++) {
            double base = random.nextDouble() * 1000;
            for (int t = 0; t < length; t++) {
                double v = switch (s % 7) {
                    case 0 -> 0;
                    case 1 -> 42;
                    case 2 -> -base - random.nextDouble();
                    case 3 -> (t % 2 == 0 ? 1 : -1) * 1e300 * (1 + random.nextDouble());
                    case 4 -> Double.NaN;
                    default -> base * (1 + 0.3 * Math.sin(2 * Math.PI * t / 24)) + random.nextGaussian() * 10
                            + (t > length / 2 ? base * 0.5 : 0);
                };
                if (random.nextDouble() < 0.01) {
                    v = v * 5 + 100;
                }
                if (s % 7 == 5 && t % 97 < 6) {
                    v = Double.NaN;
                }
                values.put(s * length + t, v);
            }
        }
        return values;
    }
}
