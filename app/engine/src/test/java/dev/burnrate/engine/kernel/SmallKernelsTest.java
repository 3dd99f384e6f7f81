package dev.burnrate.engine.kernel;

import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;
import dev.burnrate.api.KernelNames;
import dev.burnrate.engine.kernel.conformance.KernelBuffers;
import org.junit.jupiter.api.Test;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The reference kernels on inputs small enough to work out by hand. */
class SmallKernelsTest {

    private final ReferenceBackend reference = new ReferenceBackend();

    @Test
    void inferenceCapacityCountsInstancesAndPricesThePurchaseMixes() throws KernelException {
        // 100 tokens/request; an instance does 1000 tokens/s, run at 80% => 800 tokens/s, 8 requests/s.
        DoubleBuffer rps = KernelBuffers.of(0, 8, 8.5, 30);
        IntBuffer instances = KernelBuffers.ints(4);
        DoubleBuffer totals = KernelBuffers.doubles(5);
        reference.launch(new KernelLaunch(KernelNames.INFERENCE_CAPACITY, 1,
                Map.of("requestsPerSecond", rps, "tokensPerSecond", KernelBuffers.of(1000),
                        "onDemandPrice", KernelBuffers.of(2), "spotPrice", KernelBuffers.of(0.5),
                        "committedPrice", KernelBuffers.of(1.2), "instances", instances, "totals", totals),
                Map.of("hours", 4, "tokensPerRequest", 100.0, "utilisationTarget", 0.8, "spotShare", 0.5,
                        "minInstances", 1)));
        assertThat(new int[]{instances.get(0), instances.get(1), instances.get(2), instances.get(3)})
                .containsExactly(1, 1, 2, 4);
        assertThat(totals.get(0)).isEqualTo(8 * 2.0);                       // 8 instance-hours on-demand
        assertThat(totals.get(1)).isEqualTo(3 * 0.5 + 5 * 2.0);             // floor(n/2) on spot: 0+0+1+2
        assertThat(totals.get(2)).isEqualTo(4 * 1.2 + 4 * 2.0);             // baseline 1 x 4 h, burst 4
        assertThat(totals.get(3)).isEqualTo(1);
        assertThat(totals.get(4)).isEqualTo(8);
    }

    @Test
    void commitmentCoverageCountsOverflowAndUnusedCommitment() throws KernelException {
        DoubleBuffer cost = KernelBuffers.doubles(5);
        DoubleBuffer unused = KernelBuffers.doubles(5);
        reference.launch(new KernelLaunch(KernelNames.COMMITMENT_COVERAGE, 5,
                Map.of("usage", KernelBuffers.of(2, 4, 6, 8), "committedPrices", KernelBuffers.of(0.6),
                        "cost", cost, "unusedUnitHours", unused),
                Map.of("hours", 4, "levels", 5, "peakUsage", 8.0, "onDemandPrice", 1.0)));
        // Levels commit 0, 2, 4, 6, 8 units; at 4: 4*0.6*4 committed + (2 + 4) on-demand = 15.6, unused 2 + 0.
        assertThat(cost.get(0)).isEqualTo(20.0);
        assertThat(cost.get(2)).isCloseTo(15.6, within(1e-12));
        assertThat(unused.get(2)).isEqualTo(2.0);
        assertThat(cost.get(4)).isCloseTo(8 * 0.6 * 4, within(1e-12));
        assertThat(unused.get(4)).isEqualTo(6 + 4 + 2);
    }

    @Test
    void sgemmAndGemvMultiply() throws KernelException {
        FloatBuffer c = KernelBuffers.floats(4);
        reference.launch(new KernelLaunch(KernelNames.SGEMM, 4,
                Map.of("a", floats(1, 2, 3, 4), "b", floats(5, 6, 7, 8), "c", c), Map.of("m", 2, "n", 2, "k", 2)));
        assertThat(new float[]{c.get(0), c.get(1), c.get(2), c.get(3)}).containsExactly(19, 22, 43, 50);
        FloatBuffer y = KernelBuffers.floats(4);
        reference.launch(new KernelLaunch(KernelNames.BATCHED_GEMV, 4,
                Map.of("a", floats(1, 2, 3, 4, 1, 0, 0, 1), "x", floats(1, 1, 5, 7), "y", y),
                Map.of("batch", 2, "m", 2, "n", 2)));
        assertThat(new float[]{y.get(0), y.get(1), y.get(2), y.get(3)}).containsExactly(3, 7, 5, 7);
    }

    @Test
    void rejectsBuffersThatAreTooSmallOrReadOnly() {
        assertThatThrownBy(() -> reference.launch(new KernelLaunch(KernelNames.SGEMM, 4,
                Map.of("a", floats(1, 2, 3), "b", floats(5, 6, 7, 8), "c", KernelBuffers.floats(4)),
                Map.of("m", 2, "n", 2, "k", 2)))).isInstanceOf(KernelException.class)
                .hasMessageContaining("buffer 'a' holds 3 elements but needs 4");
        assertThatThrownBy(() -> reference.launch(new KernelLaunch(KernelNames.SGEMM, 4,
                Map.of("a", floats(1, 2, 3, 4), "b", floats(5, 6, 7, 8), "c", KernelBuffers.floats(4).asReadOnlyBuffer()),
                Map.of("m", 2, "n", 2, "k", 2)))).hasMessageContaining("'c' is read-only");
        assertThatThrownBy(() -> reference.launch(new KernelLaunch(KernelNames.COMMITMENT_COVERAGE, 5,
                Map.of("usage", KernelBuffers.of(1, -2), "committedPrices", KernelBuffers.of(0.6),
                        "cost", KernelBuffers.doubles(5), "unusedUnitHours", KernelBuffers.doubles(5)),
                Map.of("hours", 2, "levels", 5, "peakUsage", 1.0, "onDemandPrice", 1.0))))
                .hasMessageContaining("usage[1]");
    }

    private static FloatBuffer floats(float... values) {
        FloatBuffer buffer = KernelBuffers.floats(values.length);
        buffer.put(0, values);
        return buffer;
    }
}
