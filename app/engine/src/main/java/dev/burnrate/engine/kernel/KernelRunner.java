package dev.burnrate.engine.kernel;

import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;
import dev.burnrate.api.KernelNames;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Typed kernel calls for the simulator: allocates the direct buffers, launches on the routed backend and hands
 * back plain arrays. Buffers are garbage-collected direct memory, released when unreachable.
 */
public final class KernelRunner {

    private final KernelRouter router;

    public KernelRunner(KernelRouter router) {
        this.router = router;
    }

    /** The id of the backend that runs {@code kernel}. */
    public String backendId(String kernel) {
        return router.backendFor(kernel).id();
    }

    /** Per-scenario results of the spot-training Monte Carlo. */
    public record SpotTrainingResult(double[] wallHours, double[] cost, double[] onDemandHours,
                                     int[] interruptions) {
    }

    public SpotTrainingResult spotTraining(SpotTrainingParams params, int scenarios) throws KernelException {
        DoubleBuffer wall = doubles(scenarios);
        DoubleBuffer cost = doubles(scenarios);
        DoubleBuffer onDemand = doubles(scenarios);
        IntBuffer interruptions = ByteBuffer.allocateDirect(scenarios * Integer.BYTES)
                .order(ByteOrder.nativeOrder()).asIntBuffer();
        router.backendFor(KernelNames.SPOT_TRAINING_MONTE_CARLO).launch(new KernelLaunch(
                KernelNames.SPOT_TRAINING_MONTE_CARLO, scenarios, Map.of("wallHours", wall, "cost", cost,
                "onDemandHours", onDemand, "interruptions", interruptions), params.scalars()));
        int[] counts = new int[scenarios];
        interruptions.get(0, counts);
        return new SpotTrainingResult(array(wall), array(cost), array(onDemand), counts);
    }

    /** Instances per offering and hour ({@code instances[o][h]}) and the five totals per offering. */
    public record CapacityResult(int[][] instances, double[][] totals) {
    }

    public CapacityResult inferenceCapacity(double[] requestsPerSecond, double tokensPerRequest,
                                            double utilisationTarget, double spotShare, int minInstances,
                                            double[] tokensPerSecond, double[] onDemandPrice, double[] spotPrice,
                                            double[] committedPrice) throws KernelException {
        int offerings = tokensPerSecond.length;
        int hours = requestsPerSecond.length;
        IntBuffer instances = ByteBuffer.allocateDirect(offerings * hours * Integer.BYTES)
                .order(ByteOrder.nativeOrder()).asIntBuffer();
        DoubleBuffer totals = doubles(offerings * InferenceCapacityKernel.TOTALS);
        Map<String, java.nio.Buffer> buffers = new HashMap<>();
        buffers.put("requestsPerSecond", doubles(requestsPerSecond));
        buffers.put("tokensPerSecond", doubles(tokensPerSecond));
        buffers.put("onDemandPrice", doubles(onDemandPrice));
        buffers.put("spotPrice", doubles(spotPrice));
        buffers.put("committedPrice", doubles(committedPrice));
        buffers.put("instances", instances);
        buffers.put("totals", totals);
        router.backendFor(KernelNames.INFERENCE_CAPACITY).launch(new KernelLaunch(KernelNames.INFERENCE_CAPACITY,
                offerings, buffers, Map.of("hours", hours, "tokensPerRequest", tokensPerRequest,
                "utilisationTarget", utilisationTarget, "spotShare", spotShare, "minInstances", minInstances)));
        int[][] counts = new int[offerings][hours];
        double[][] sums = new double[offerings][InferenceCapacityKernel.TOTALS];
        for (int o = 0; o < offerings; o++) {
            instances.get(o * hours, counts[o]);
            totals.get(o * InferenceCapacityKernel.TOTALS, sums[o]);
        }
        return new CapacityResult(counts, sums);
    }

    /** Cost and unused commitment per term ({@code [term][level]}). */
    public record CoverageResult(double[][] cost, double[][] unusedUnitHours) {
    }

    public CoverageResult commitmentCoverage(double[] usage, int levels, double peakUsage, double onDemandPrice,
                                             double[] committedPrices) throws KernelException {
        int terms = committedPrices.length;
        DoubleBuffer cost = doubles(terms * levels);
        DoubleBuffer unused = doubles(terms * levels);
        router.backendFor(KernelNames.COMMITMENT_COVERAGE).launch(new KernelLaunch(KernelNames.COMMITMENT_COVERAGE,
                terms * levels, Map.of("usage", doubles(usage), "committedPrices", doubles(committedPrices),
                "cost", cost, "unusedUnitHours", unused), Map.of("hours", usage.length, "levels", levels,
                "peakUsage", peakUsage, "onDemandPrice", onDemandPrice)));
        double[][] costs = new double[terms][levels];
        double[][] unusedHours = new double[terms][levels];
        for (int t = 0; t < terms; t++) {
            cost.get(t * levels, costs[t]);
            unused.get(t * levels, unusedHours[t]);
        }
        return new CoverageResult(costs, unusedHours);
    }

    static DoubleBuffer doubles(int length) {
        return ByteBuffer.allocateDirect(Math.max(1, length) * Double.BYTES).order(ByteOrder.nativeOrder())
                .asDoubleBuffer();
    }

    static DoubleBuffer doubles(double[] values) {
        DoubleBuffer buffer = doubles(values.length);
        buffer.put(0, values);
        return buffer;
    }

    private static double[] array(DoubleBuffer buffer) {
        double[] values = new double[buffer.capacity()];
        buffer.get(0, values);
        return values;
    }
}
