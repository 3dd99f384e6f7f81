package dev.burnrate.engine.kernel.conformance;

import dev.burnrate.api.Availability;
import dev.burnrate.api.ComputeBackend;
import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;
import dev.burnrate.api.KernelNames;
import dev.burnrate.engine.kernel.ReferenceBackend;
import dev.burnrate.engine.kernel.SpotTrainingParams;
import dev.burnrate.engine.kernel.SpotTrainingPlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The one conformance suite for compute backends: every kernel on the backend under test against
 * {@link ReferenceBackend} with seeded inputs. Counter-based Monte Carlo and integer results must match exactly;
 * floating-point results within the tolerances stated in {@link KernelNames}.
 *
 * <p>Extend it with {@link #createBackend()} (a TornadoVM backend plugin can do the same: the class ships in the
 * engine's test-jar). A backend that is not available here is reported as <em>skipped</em> with its reason, never
 * passed; a backend named in the system property {@value #REQUIRED_PROPERTY} (comma-separated ids, e.g. CI's
 * {@code opencl}) must be available, or the suite fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ComputeBackendConformance {

    public static final String REQUIRED_PROPERTY = "burnrate.conformance.required";

    private final ReferenceBackend reference = new ReferenceBackend();
    private ComputeBackend backend;

    /** The backend under test; closed after the suite. */
    protected abstract ComputeBackend createBackend();

    /**
     * Whether this backend promises the Monte Carlo's doubles bit for bit (the built-in backends spell out the
     * reference's operations in its order). The plugin contract only asks for 1e-12 relative; a backend that
     * promises more is held to it, so that a compiler fusing multiply-adds (an OpenCL driver ignoring
     * {@code FP_CONTRACT OFF}) fails here instead of passing within the tolerance.
     */
    protected boolean monteCarloBitExact() {
        return false;
    }

    @BeforeAll
    void openBackend() {
        backend = createBackend();
    }

    @AfterAll
    void closeBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    protected ComputeBackend backend() {
        return backend;
    }

    private void assumeRuns(String kernel) {
        Availability availability = backend.availability();
        boolean required = Arrays.asList(System.getProperty(REQUIRED_PROPERTY, "").split(","))
                .contains(backend.id());
        if (required && !availability.available()) {
            fail("backend '" + backend.id() + "' is required by -D" + REQUIRED_PROPERTY + " but not available: "
                    + availability.reason());
        }
        assumeTrue(availability.available(),
                () -> "backend '" + backend.id() + "' not available: " + availability.reason());
        assumeTrue(backend.kernels().contains(kernel),
                () -> "backend '" + backend.id() + "' does not implement kernel '" + kernel + "'");
    }

    @Test
    void spotTrainingMatchesReferenceExactlyWithoutDeadline() throws KernelException {
        assertSpotTrainingMatches(new SpotTrainingPlan(100, 4, 0.1, 0.5, 0.05, 30, 98, 0, 0, 1000), 10_007);
    }

    @Test
    void spotTrainingMatchesReferenceExactlyWithDeadlineFallbackAndCap() throws KernelException {
        // Frequent interruptions and a tight deadline: many scenarios fall back, some hit the cap of 6.
        assertSpotTrainingMatches(new SpotTrainingPlan(37.3, 2.5, 0.2, 0.75, 0.3, 12.5, 40, 60, 2, 6), 4_099);
    }

    @Test
    void spotTrainingMatchesReferenceWithoutInterruptions() throws KernelException {
        assertSpotTrainingMatches(new SpotTrainingPlan(10, 3, 0.1, 0.5, 0, 1, 3, 0, 0, 5), 1_031);
    }

    private void assertSpotTrainingMatches(SpotTrainingPlan plan, int scenarios) throws KernelException {
        assumeRuns(KernelNames.SPOT_TRAINING_MONTE_CARLO);
        SpotTrainingParams params = plan.params(0x5EEDL + scenarios);
        SpotOut expected = SpotOut.run(reference, params, scenarios);
        SpotOut actual = SpotOut.run(backend, params, scenarios);
        for (int s = 0; s < scenarios; s++) {
            assertThat(actual.interruptions.get(s)).as("interruptions of scenario %d", s)
                    .isEqualTo(expected.interruptions.get(s));
            double tolerance = monteCarloBitExact() ? 0 : 1e-12;
            assertClose(actual.wallHours.get(s), expected.wallHours.get(s), tolerance, "wallHours", s);
            assertClose(actual.cost.get(s), expected.cost.get(s), tolerance, "cost", s);
            assertClose(actual.onDemandHours.get(s), expected.onDemandHours.get(s), tolerance, "onDemandHours", s);
        }
    }

    private record SpotOut(DoubleBuffer wallHours, DoubleBuffer cost, DoubleBuffer onDemandHours,
                           IntBuffer interruptions) {

        static SpotOut run(ComputeBackend backend, SpotTrainingParams params, int scenarios) throws KernelException {
            SpotOut out = new SpotOut(KernelBuffers.doubles(scenarios), KernelBuffers.doubles(scenarios),
                    KernelBuffers.doubles(scenarios), KernelBuffers.ints(scenarios));
            backend.launch(new KernelLaunch(KernelNames.SPOT_TRAINING_MONTE_CARLO, scenarios,
                    Map.of("wallHours", out.wallHours, "cost", out.cost, "onDemandHours", out.onDemandHours,
                            "interruptions", out.interruptions), params.scalars()));
            return out;
        }
    }

    @Test
    void inferenceCapacityMatchesReferenceExactly() throws KernelException {
        assumeRuns(KernelNames.INFERENCE_CAPACITY);
        ConformanceInputs.Inference inputs = ConformanceInputs.inference(171, 7, 42);
        assertThat(launchInference(backend, inputs)).isEqualTo(launchInference(reference, inputs));
    }

    private static InferenceOut launchInference(ComputeBackend backend, ConformanceInputs.Inference in)
            throws KernelException {
        IntBuffer instances = KernelBuffers.ints(in.offerings() * in.hours());
        DoubleBuffer totals = KernelBuffers.doubles(in.offerings() * 5);
        Map<String, java.nio.Buffer> buffers = new HashMap<>(in.buffers());
        buffers.put("instances", instances);
        buffers.put("totals", totals);
        backend.launch(new KernelLaunch(KernelNames.INFERENCE_CAPACITY, in.offerings(), buffers, in.scalars()));
        int[] counts = new int[instances.capacity()];
        instances.get(0, counts);
        double[] sums = new double[totals.capacity()];
        totals.get(0, sums);
        return new InferenceOut(counts, sums);
    }

    private record InferenceOut(int[] instances, double[] totals) {
        @Override
        public boolean equals(Object o) {
            return o instanceof InferenceOut other && Arrays.equals(instances, other.instances)
                    && Arrays.equals(totals, other.totals);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(instances);
        }

        @Override
        public String toString() {
            return "instances=" + Arrays.toString(instances) + " totals=" + Arrays.toString(totals);
        }
    }

    @Test
    void commitmentCoverageMatchesReference() throws KernelException {
        assumeRuns(KernelNames.COMMITMENT_COVERAGE);
        ConformanceInputs.Coverage inputs = ConformanceInputs.coverage(2_003, 101, 7);
        double[][] expected = launchCoverage(reference, inputs);
        double[][] actual = launchCoverage(backend, inputs);
        for (int i = 0; i < expected[0].length; i++) {
            assertClose(actual[0][i], expected[0][i], 1e-9, "cost", i);
            assertClose(actual[1][i], expected[1][i], 1e-9, "unusedUnitHours", i);
        }
    }

    private static double[][] launchCoverage(ComputeBackend backend, ConformanceInputs.Coverage in)
            throws KernelException {
        int size = in.terms() * in.levels();
        DoubleBuffer cost = KernelBuffers.doubles(size);
        DoubleBuffer unused = KernelBuffers.doubles(size);
        Map<String, java.nio.Buffer> buffers = new HashMap<>(in.buffers());
        buffers.put("cost", cost);
        buffers.put("unusedUnitHours", unused);
        backend.launch(new KernelLaunch(KernelNames.COMMITMENT_COVERAGE, size, buffers, in.scalars()));
        double[][] result = new double[2][size];
        cost.get(0, result[0]);
        unused.get(0, result[1]);
        return result;
    }

    @Test
    void sgemmWithinToleranceOnOddShapes() throws KernelException {
        assertSgemm(67, 45, 33);
    }

    @Test
    void sgemmWithinToleranceOnTiledShapes() throws KernelException {
        assertSgemm(128, 96, 64);
    }

    private void assertSgemm(int m, int n, int k) throws KernelException {
        assumeRuns(KernelNames.SGEMM);
        FloatBuffer a = KernelBuffers.randomFloats(m * k, 1);
        FloatBuffer b = KernelBuffers.randomFloats(k * n, 2);
        FloatBuffer expected = KernelBuffers.floats(m * n);
        FloatBuffer actual = KernelBuffers.floats(m * n);
        Map<String, Number> scalars = Map.of("m", m, "n", n, "k", k);
        reference.launch(new KernelLaunch(KernelNames.SGEMM, m * n, Map.of("a", a, "b", b, "c", expected), scalars));
        backend.launch(new KernelLaunch(KernelNames.SGEMM, m * n, Map.of("a", a, "b", b, "c", actual), scalars));
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double magnitude = 0;
                for (int p = 0; p < k; p++) {
                    magnitude += Math.abs((double) a.get(i * k + p) * b.get(p * n + j));
                }
                double bound = 2.0 * k * 0x1.0p-24 * magnitude;
                assertThat((double) Math.abs(actual.get(i * n + j) - expected.get(i * n + j)))
                        .as("c[%d,%d] of %dx%dx%d", i, j, m, n, k).isLessThanOrEqualTo(bound);
            }
        }
    }

    @Test
    void batchedGemvWithinTolerance() throws KernelException {
        assumeRuns(KernelNames.BATCHED_GEMV);
        int batch = 3;
        int m = 37;
        int n = 129;
        FloatBuffer a = KernelBuffers.randomFloats(batch * m * n, 3);
        FloatBuffer x = KernelBuffers.randomFloats(batch * n, 4);
        FloatBuffer expected = KernelBuffers.floats(batch * m);
        FloatBuffer actual = KernelBuffers.floats(batch * m);
        Map<String, Number> scalars = Map.of("batch", batch, "m", m, "n", n);
        reference.launch(new KernelLaunch(KernelNames.BATCHED_GEMV, batch * m,
                Map.of("a", a, "x", x, "y", expected), scalars));
        backend.launch(new KernelLaunch(KernelNames.BATCHED_GEMV, batch * m,
                Map.of("a", a, "x", x, "y", actual), scalars));
        for (int row = 0; row < batch * m; row++) {
            double magnitude = 0;
            for (int j = 0; j < n; j++) {
                magnitude += Math.abs((double) a.get(row * n + j) * x.get((row / m) * n + j));
            }
            assertThat((double) Math.abs(actual.get(row) - expected.get(row))).as("y[%d]", row)
                    .isLessThanOrEqualTo(2.0 * n * 0x1.0p-24 * magnitude);
        }
    }

    @Test
    void anomalyScoreMatchesReferenceFreshAndContinued() throws KernelException {
        assumeRuns(KernelNames.ANOMALY_SCORE);
        int series = 131;
        DoubleBuffer first = ConformanceInputs.anomalyValues(series, 389, 11);
        DoubleBuffer fresh = KernelBuffers.doubles(series * KernelNames.ANOMALY_STATE_WIDTH);
        AnomalyOut expected = AnomalyOut.run(reference, first, fresh, series, 389, false);
        AnomalyOut actual = AnomalyOut.run(backend, first, fresh, series, 389, false);
        expected.assertMatches(actual, "fresh");
        // The continuation starts from the reference's state, written in place over the input state.
        DoubleBuffer second = ConformanceInputs.anomalyValues(series, 211, 12);
        AnomalyOut.run(reference, second, expected.state, series, 211, false)
                .assertMatches(AnomalyOut.run(backend, second, copy(expected.state), series, 211, true), "continued");
    }

    private static DoubleBuffer copy(DoubleBuffer buffer) {
        DoubleBuffer out = KernelBuffers.doubles(buffer.capacity());
        for (int i = 0; i < buffer.capacity(); i++) {
            out.put(i, buffer.get(i));
        }
        return out;
    }

    private record AnomalyOut(DoubleBuffer score, DoubleBuffer expected, DoubleBuffer state) {

        /** Shorter than the inputs, so scores after the warm-up (likelihoods, range breaches) are compared too. */
        static final int WARMUP = 14;

        static AnomalyOut run(ComputeBackend backend, DoubleBuffer values, DoubleBuffer stateIn, int series,
                              int length, boolean inPlace) throws KernelException {
            AnomalyOut out = new AnomalyOut(KernelBuffers.doubles(series * length),
                    KernelBuffers.doubles(series * length),
                    inPlace ? stateIn : KernelBuffers.doubles(series * KernelNames.ANOMALY_STATE_WIDTH));
            backend.launch(new KernelLaunch(KernelNames.ANOMALY_SCORE, series, Map.of("values", values,
                    "stateIn", stateIn, "score", out.score, "expected", out.expected, "stateOut", out.state),
                    Map.of("length", length, "warmup", WARMUP)));
            return out;
        }

        void assertMatches(AnomalyOut actual, String what) {
            for (int i = 0; i < score.capacity(); i++) {
                assertThat(Math.abs(actual.score.get(i) - score.get(i))).as("%s score[%d]", what, i)
                        .isLessThanOrEqualTo(1e-9);
                assertThat(actual.score.get(i)).as("%s score[%d]", what, i).isBetween(0.0, 1.0);
                assertClose(actual.expected.get(i), expected.get(i), 1e-12, what + " expected", i);
            }
            for (int i = 0; i < state.capacity(); i++) {
                assertClose(actual.state.get(i), state.get(i), 1e-12, what + " state", i);
            }
        }
    }

    @Test
    void expSmoothingGridMatchesReferenceWithTwoCycles() throws KernelException {
        assertSmoothingGrid(24, 168, 37);
    }

    @Test
    void expSmoothingGridMatchesReferenceWithOneCycle() throws KernelException {
        assertSmoothingGrid(7, 0, 64);
    }

    private void assertSmoothingGrid(int period, int period2, int points) throws KernelException {
        assumeRuns(KernelNames.EXP_SMOOTHING_GRID);
        SmoothingInputs.Series series = SmoothingInputs.series(9, 24 * 40, 11);
        DoubleBuffer grid = SmoothingInputs.grid(points, 12);
        DoubleBuffer expected = KernelBuffers.doubles(9 * points);
        DoubleBuffer actual = KernelBuffers.doubles(9 * points);
        reference.launch(SmoothingInputs.gridLaunch(series, grid, points, period, period2, expected));
        backend.launch(SmoothingInputs.gridLaunch(series, grid, points, period, period2, actual));
        for (int i = 0; i < 9 * points; i++) {
            assertClose(actual.get(i), expected.get(i), 1e-9, "mse", i);
        }
        assertThat(Double.isNaN(expected.get(0))).as("an empty series scores NaN").isTrue();
    }

    @Test
    void expSmoothingForecastMatchesReference() throws KernelException {
        assumeRuns(KernelNames.EXP_SMOOTHING_FORECAST);
        SmoothingInputs.Series series = SmoothingInputs.series(33, 24 * 30, 13);
        DoubleBuffer params = SmoothingInputs.grid(33, 14);
        DoubleBuffer expected = KernelBuffers.doubles(33 * 48);
        DoubleBuffer actual = KernelBuffers.doubles(33 * 48);
        reference.launch(SmoothingInputs.forecastLaunch(series, params, 24, 168, 48, expected));
        backend.launch(SmoothingInputs.forecastLaunch(series, params, 24, 168, 48, actual));
        for (int i = 0; i < 33 * 48; i++) {
            assertClose(actual.get(i), expected.get(i), 1e-9, "forecast", i);
        }
    }

    @Test
    void implementsEveryKernel() {
        assumeRuns(KernelNames.SGEMM);
        assertThat(backend.kernels()).as("kernels of %s", backend.id()).containsAll(Set.copyOf(KernelNames.ALL));
        assertThat(backend.devices()).as("devices of %s", backend.id()).isNotEmpty();
    }

    @Test
    void rejectsUnknownKernelAndMalformedArguments() {
        assumeRuns(KernelNames.SGEMM);
        assertThatThrownBy(() -> backend.launch(new KernelLaunch("no-such-kernel", 1, Map.of(), Map.of())))
                .isInstanceOf(KernelException.class).hasMessageContaining("no-such-kernel");
        FloatBuffer small = KernelBuffers.floats(3);
        assertThatThrownBy(() -> backend.launch(new KernelLaunch(KernelNames.SGEMM, 4,
                Map.of("a", small, "b", small, "c", small), Map.of("m", 2, "n", 2, "k", 2))))
                .isInstanceOf(KernelException.class).hasMessageContaining("'a'");
        assertThatThrownBy(() -> backend.launch(new KernelLaunch(KernelNames.SGEMM, 4,
                Map.of("a", small, "c", small), Map.of("m", 2, "n", 2, "k", 1))))
                .isInstanceOf(KernelException.class).hasMessageContaining("'b'");
    }

    private static void assertClose(double actual, double expected, double relative, String what, int index) {
        if (Double.compare(actual, expected) == 0) {
            return;
        }
        double allowed = relative * Math.max(Math.abs(expected), 1e-300);
        assertThat(Math.abs(actual - expected)).as("%s[%d]: %s vs reference %s", what, index, actual, expected)
                .isLessThanOrEqualTo(allowed);
    }
}
