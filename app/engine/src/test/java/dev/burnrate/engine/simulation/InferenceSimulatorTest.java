package dev.burnrate.engine.simulation;

import dev.burnrate.api.KernelException;
import dev.burnrate.api.Precision;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.engine.kernel.KernelRouter;
import dev.burnrate.engine.kernel.KernelRunner;
import dev.burnrate.engine.kernel.ReferenceBackend;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.burnrate.engine.simulation.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class InferenceSimulatorTest {

    private final KernelRunner kernels = new KernelRunner(KernelRouter.always(new ReferenceBackend()));
    private final InferenceSimulator simulator = new InferenceSimulator(kernels);

    static InferenceWorkload eightBillion() {
        return new InferenceWorkload(InferenceWorkload.dailyCurve(2, 20, 7), 250, 8e9, Precision.BF16, 0.4, 16, 0.7,
                0.5, 1);
    }

    @Test
    void sizesEachOfferingFromItsRooflineAndPricesTheMixes() throws KernelException {
        InferenceReport report = simulator.simulate(eightBillion(), List.of(P5, G5, G4DN, C7I), SPECS,
                CPU_GFLOPS_PER_VCPU, SimulationProgress.NONE);
        // A10G: memory-bound, 600 GB/s x 16 / 16 GB = 600 tokens/s; at 70%: 420. Peak 20 rps x 250 = 5000 tokens/s.
        int[] g5 = report.instancesPerHour().get(G5.key());
        assertThat(Arrays.stream(g5).max().orElseThrow()).isEqualTo((int) Math.ceil(5000 / 420.0));
        assertThat(Arrays.stream(g5).min().orElseThrow()).isEqualTo((int) Math.ceil(500 / 420.0));
        assertThat(report.skipped().get(G4DN.key())).startsWith("too few accelerators: the model's weights (16.0 GB"
                + " at BF16) need at least 2 x T4");
        ComparisonRow onDemand = report.rows().stream().filter(r -> r.offering() == G5
                && r.option() == PurchaseOption.ON_DEMAND).findFirst().orElseThrow();
        assertThat(onDemand.expectedCost()).isCloseTo(Arrays.stream(g5).sum() * 1.006, within(1e-6));
        assertThat(onDemand.notes().getFirst()).contains("memory-bound");
        assertThat(report.rows()).extracting(ComparisonRow::option).contains(PurchaseOption.SPOT,
                PurchaseOption.COMMITTED_1Y, PurchaseOption.COMMITTED_3Y);
        assertThat(report.rows()).isSortedAccordingTo((a, b) -> Double.compare(a.expectedCost(), b.expectedCost()));
        assertThat(report.recommendation().choice()).isSameAs(report.rows().stream()
                .filter(ComparisonRow::isEligible).findFirst().orElseThrow());
    }

    @Test
    void analysesCommitmentCoverageForTheRecommendedOffering() throws KernelException {
        InferenceReport report = simulator.simulate(eightBillion(), List.of(G5), SPECS, CPU_GFLOPS_PER_VCPU,
                SimulationProgress.NONE);
        CommitmentAnalysis commitment = report.commitment();
        assertThat(commitment.offeringKey()).isEqualTo(G5.key());
        for (PurchaseOption term : List.of(PurchaseOption.COMMITTED_1Y, PurchaseOption.COMMITTED_3Y)) {
            double[] cost = commitment.cost().get(term);
            int optimal = commitment.optimalLevel(term);
            assertThat(cost[optimal]).isLessThan(commitment.onDemandCost());
            assertThat(commitment.breakEvenLevel(term)).isGreaterThanOrEqualTo(optimal);
            assertThat(cost[100]).as("full coverage pays for idle night-time commitment")
                    .isGreaterThan(cost[optimal]);
        }
        assertThat(report.recommendation().reasons()).anySatisfy(r -> assertThat(r)
                .contains("If this load continued for the whole term").contains("for 36 months"));
        // Committed rows take the cheaper of the optimal coverage level and the night-time baseline over the load
        // curve, plus the rest of the term the commitment is paid for.
        for (PurchaseOption term : List.of(PurchaseOption.COMMITTED_1Y, PurchaseOption.COMMITTED_3Y)) {
            ComparisonRow committed = report.rows().stream().filter(r -> r.option() == term).findFirst().orElseThrow();
            double overCurve = commitment.cost().get(term)[commitment.optimalLevel(term)];
            assertThat(committed.expectedCost()).isGreaterThan(overCurve + G5.prices().forOption(term)
                    * (CommitmentTerm.hours(term) - 7 * 24));
            assertThat(committed.notes()).anySatisfy(n -> assertThat(n).contains("falls after the 168-hour load"));
            assertThat(committed.isEligible()).isFalse();
        }
    }

    @Test
    void hybridPlansPutTrainingAndServingSideBySide() throws KernelException {
        TrainingReport training = new TrainingSimulator(kernels).simulate(
                new TrainingWorkload(new TrainingWorkload.GpuHours(1000, "H100"), Precision.BF16, 8, 2, 0.05, 0.5,
                        200, 0.9, 0.01, 1000, false, 5_000, 3), List.of(P5, G5, C7I), SPECS, CPU_GFLOPS_PER_VCPU,
                SimulationProgress.NONE);
        InferenceReport serving = simulator.simulate(eightBillion(), List.of(P5, G5, C7I), SPECS, CPU_GFLOPS_PER_VCPU,
                SimulationProgress.NONE);
        List<HybridComparison.HybridOption> options = HybridComparison.compare(training, serving);
        assertThat(options).isNotEmpty();
        assertThat(options).extracting(HybridComparison.HybridOption::label)
                .anySatisfy(l -> assertThat(l).contains("serve on the same instance type"))
                .anySatisfy(l -> assertThat(l).contains("serve on CPUs"))
                .anySatisfy(l -> assertThat(l).contains("serve on GPUs (A10G)"));
        assertThat(options).isSortedAccordingTo((a, b) -> Double.compare(a.totalCost(), b.totalCost()));
        HybridComparison.HybridOption first = options.getFirst();
        assertThat(first.totalCost()).isCloseTo(first.training().expectedCost() + first.serving().expectedCost(),
                within(1e-6));
    }
}
