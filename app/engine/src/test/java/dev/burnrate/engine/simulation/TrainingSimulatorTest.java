package dev.burnrate.engine.simulation;

import dev.burnrate.api.HardwareKind;
import dev.burnrate.api.KernelException;
import dev.burnrate.api.Precision;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.engine.kernel.KernelRouter;
import dev.burnrate.engine.kernel.KernelRunner;
import dev.burnrate.engine.kernel.ReferenceBackend;
import dev.burnrate.engine.kernel.simd.JvmSimdBackend;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.burnrate.engine.simulation.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TrainingSimulatorTest {

    private final TrainingSimulator simulator = new TrainingSimulator(
            new KernelRunner(KernelRouter.always(new ReferenceBackend())));

    private static TrainingWorkload gpuHours(double deadline) {
        return new TrainingWorkload(new TrainingWorkload.GpuHours(1000, "H100"), Precision.BF16, 8, 2, 0.05, 0.5,
                deadline, 0.9, 0.01, 1000, false, 20_000, 42);
    }

    @Test
    void scalesWorkByPeakAndPricesEveryPurchaseOption() throws KernelException {
        TrainingReport report = simulator.simulate(gpuHours(200), List.of(P5, G5, C7I, UNKNOWN), SPECS,
                CPU_GFLOPS_PER_VCPU, SimulationProgress.NONE);
        ComparisonRow onDemand = row(report, "p5.48xlarge", PurchaseOption.ON_DEMAND);
        // 1000 H100-hours on 8 H100s: 125 h of work, 62 checkpoints of 0.05 h.
        assertThat(onDemand.hours().mean()).isCloseTo(125 + 62 * 0.05, within(1e-9));
        assertThat(onDemand.expectedCost()).isCloseTo((125 + 62 * 0.05) * 98.32, within(1e-6));
        assertThat(onDemand.meetDeadlineProbability()).isEqualTo(1);
        // A10G: 989.5 / 70 times the accelerator-hours, on 8 one-GPU instances: cannot make the deadline.
        assertThat(report.skipped().get(G5.key())).startsWith("cannot finish before the deadline: needs 1,8");
        ComparisonRow a10g = row(simulator.simulate(gpuHours(0), List.of(G5), SPECS, CPU_GFLOPS_PER_VCPU,
                SimulationProgress.NONE), "g5.xlarge", PurchaseOption.ON_DEMAND);
        assertThat(a10g.instances()).isEqualTo(8);
        assertThat(a10g.hours().mean()).isGreaterThan(1000 * 989.5 / 70 / 8);
        // A commitment bought for this run alone pays its whole term.
        assertThat(row(report, "p5.48xlarge", PurchaseOption.COMMITTED_1Y).expectedCost())
                .isCloseTo(8760 * 62.0, within(1e-6));
        assertThat(report.skipped()).containsKey(UNKNOWN.key());
        assertThat(report.skipped().get(UNKNOWN.key())).contains("X9000");
        assertThat(report.backendId()).isEqualTo(ReferenceBackend.ID);
    }

    @Test
    void spotIsADistributionAndIsRecommendedWhenItIsCheapAndSafe() throws KernelException {
        TrainingReport report = simulator.simulate(gpuHours(200), List.of(P5, G5, C7I), SPECS, CPU_GFLOPS_PER_VCPU,
                SimulationProgress.NONE);
        ComparisonRow spot = row(report, "p5.48xlarge", PurchaseOption.SPOT);
        assertThat(spot.cost().p90()).isGreaterThanOrEqualTo(spot.cost().p50());
        assertThat(spot.hours().p99()).isGreaterThan(spot.hours().min());
        assertThat(spot.expectedInterruptions()).isGreaterThan(0);
        assertThat(Arrays.stream(spot.costHistogram().counts()).sum()).isEqualTo(20_000);
        assertThat(spot.costVsHours().length).isEqualTo(TrainingSimulator.SAMPLE);
        assertThat(spot.meetDeadlineProbability()).isGreaterThan(0.9);
        Recommendation recommendation = report.recommendation();
        assertThat(recommendation.choice()).isSameAs(spot);
        assertThat(recommendation.reasons()).anySatisfy(r -> assertThat(r).contains("Spot is ")
                .contains("cheaper than on-demand on the same instances"));
        assertThat(report.skipped().get(C7I.key())).contains("cannot finish before the deadline");
    }

    @Test
    void theProvidersPublishedInterruptionRateWinsOverTheWorkloads() throws KernelException {
        ComparisonRow yours = row(simulator.simulate(gpuHours(0), List.of(P5), SPECS, CPU_GFLOPS_PER_VCPU,
                SimulationProgress.NONE), "p5.48xlarge", PurchaseOption.SPOT);
        ComparisonRow published = row(simulator.simulate(gpuHours(0), List.of(P5.withSpotInterruptionsPerHour(0.05)),
                SPECS, CPU_GFLOPS_PER_VCPU, SimulationProgress.NONE), "p5.48xlarge", PurchaseOption.SPOT);
        // 125 hours of work on one p5 (8 H100s): 1.25 interruptions expected at the workload's 0.01/h, 6.25 at 0.05/h.
        assertThat(yours.expectedInterruptions()).isBetween(1.1, 1.4);
        assertThat(published.expectedInterruptions()).isBetween(5.5, 7.0);
        assertThat(yours.notes()).anySatisfy(n -> assertThat(n).contains("0.0100 interruptions per instance-hour (your"
                + " rate; the provider publishes none)"));
        assertThat(published.notes()).anySatisfy(n -> assertThat(n)
                .contains("0.0500 interruptions per instance-hour (the provider's rate)"));
    }

    @Test
    void aTightDeadlineRulesOutRiskySpotAndSaysSo() throws KernelException {
        TrainingWorkload tight = new TrainingWorkload(new TrainingWorkload.GpuHours(1000, "H100"), Precision.BF16, 8,
                2, 0.05, 0.5, 129, 0.95, 0.2, 1000, false, 20_000, 7);
        TrainingReport report = simulator.simulate(tight, List.of(P5), SPECS, CPU_GFLOPS_PER_VCPU,
                SimulationProgress.NONE);
        ComparisonRow spot = row(report, "p5.48xlarge", PurchaseOption.SPOT);
        assertThat(spot.meetDeadlineProbability()).isLessThan(0.95);
        assertThat(spot.fallbackShare()).isGreaterThan(0);
        assertThat(report.recommendation().choice().option()).isEqualTo(PurchaseOption.ON_DEMAND);
        assertThat(report.recommendation().reasons()).anySatisfy(r -> assertThat(r)
                .contains("but it meets the 129 h deadline in only"));
        assertThat(spot.ineligibleReason()).startsWith("meets the 129 h deadline in only");
    }

    @Test
    void modelFlopsUseSixNDOverUtilisedPeak() throws KernelException {
        TrainingWorkload model = new TrainingWorkload(new TrainingWorkload.ModelFlops(7e9, 2e11, 0.4),
                Precision.BF16, 8, 1000, 0, 0, 0, 0.9, 0.01, 1000, true, 1000, 1);
        TrainingReport report = simulator.simulate(model, List.of(P5), SPECS, CPU_GFLOPS_PER_VCPU,
                SimulationProgress.NONE);
        double acceleratorHours = 6 * 7e9 * 2e11 / (989.5e12 * 0.4 * 3600);
        assertThat(row(report, "p5.48xlarge", PurchaseOption.ON_DEMAND).hours().mean())
                .isCloseTo(acceleratorHours / 8, within(1e-9));
        assertThat(row(report, "p5.48xlarge", PurchaseOption.COMMITTED_3Y).expectedCost())
                .as("a reused commitment counts only the run's hours").isCloseTo(acceleratorHours / 8 * 43, within(1e-6));
        assertThat(report.recommendation().reasons().getFirst()).startsWith("Lowest expected cost");
    }

    @Test
    void resultsDoNotDependOnTheBackend() throws KernelException {
        try (JvmSimdBackend simd = new JvmSimdBackend()) {
            TrainingSimulator onSimd = new TrainingSimulator(new KernelRunner(KernelRouter.always(simd)));
            TrainingReport reference = simulator.simulate(gpuHours(200), List.of(P5, G5), SPECS, 50,
                    SimulationProgress.NONE);
            TrainingReport vectorised = onSimd.simulate(gpuHours(200), List.of(P5, G5), SPECS, 50,
                    SimulationProgress.NONE);
            for (int i = 0; i < reference.rows().size(); i++) {
                assertThat(vectorised.rows().get(i).cost()).isEqualTo(reference.rows().get(i).cost());
                assertThat(vectorised.rows().get(i).hours()).isEqualTo(reference.rows().get(i).hours());
            }
            assertThat(vectorised.backendId()).isEqualTo(JvmSimdBackend.ID);
        }
    }

    @Test
    void cpuOfferingsUseTheCalibratedPeakPerVcpu() throws KernelException {
        TrainingReport report = simulator.simulate(gpuHours(0), List.of(C7I), SPECS, CPU_GFLOPS_PER_VCPU,
                SimulationProgress.NONE);
        ComparisonRow cpu = row(report, "c7i.8xlarge", PurchaseOption.ON_DEMAND);
        assertThat(cpu.kind()).isEqualTo(HardwareKind.CPU);
        // 1000 H100-hours at BF16 = 1000 x 989.5 TFLOP/s-hours; 8 instances of 32 vCPU x 50 GFLOP/s = 1.6 TFLOP/s.
        assertThat(cpu.hours().mean()).isGreaterThan(1000 * 989.5 / (8 * 1.6));
        assertThat(cpu.meetDeadlineProbability()).isNaN();
    }

    @Test
    void anUnknownReferenceAcceleratorIsAClearError() {
        TrainingWorkload workload = new TrainingWorkload(new TrainingWorkload.GpuHours(10, "Z80"), Precision.BF16, 1,
                1, 0, 0, 0, 0.9, 0, 1, false, 10, 1);
        assertThatThrownBy(() -> simulator.simulate(workload, List.of(P5), SPECS, 50, SimulationProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Z80'");
    }

    static ComparisonRow row(TrainingReport report, String type, PurchaseOption option) {
        return report.rows().stream().filter(r -> r.offering().instanceType().equals(type) && r.option() == option)
                .findFirst().orElseThrow(() -> new AssertionError("no row " + type + " " + option));
    }
}
