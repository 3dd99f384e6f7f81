package dev.burnrate.engine.simulation;

import dev.burnrate.api.HardwareKind;
import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.KernelException;
import dev.burnrate.api.Offering;
import dev.burnrate.api.Precision;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.engine.kernel.KernelRouter;
import dev.burnrate.engine.kernel.KernelRunner;
import dev.burnrate.engine.kernel.ReferenceBackend;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.burnrate.engine.simulation.Fixtures.*;
import static dev.burnrate.engine.simulation.TrainingSimulatorTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Feasibility first, then cost; limits that say what they leave out; commitments over their whole term. */
class TrainingFeasibilityTest {

    private final TrainingSimulator simulator = new TrainingSimulator(
            new KernelRunner(KernelRouter.always(new ReferenceBackend())));

    private static TrainingWorkload job(double hours, int accelerators, double deadline, boolean reused) {
        return new TrainingWorkload(new TrainingWorkload.GpuHours(hours, "H100"), Precision.BF16, accelerators, 2,
                0.05, 0.5, deadline, 0.9, 0.02, 1000, reused, 5_000, 42);
    }

    @Test
    void offeringsThatCannotMeetTheDeadlineAreInfeasibleWithTheReasonAndNeverRecommended() throws KernelException {
        // The old defaults: 2,000 H100-hours on 8 accelerators is 250 h of work against a 168 h deadline.
        TrainingReport report = simulator.simulate(job(2000, 8, 168, false), List.of(P5, G5, C7I), SPECS,
                CPU_GFLOPS_PER_VCPU, SimulationProgress.NONE);
        assertThat(report.recommendation()).isNull();
        assertThat(report.rows()).isEmpty();
        assertThat(report.skipped().get(P5.key())).isEqualTo("cannot finish before the deadline: needs 256 h on 1"
                + " instance without any interruption, the deadline is 168 h");
        assertThat(report.skipped()).containsKeys(G5.key(), C7I.key());
    }

    @Test
    void aJobThatFitsItsDeadlineGetsAFeasibleGpuRecommendation() throws KernelException {
        TrainingReport report = simulator.simulate(job(2000, 16, 168, false), List.of(P5, G5, C7I), SPECS,
                CPU_GFLOPS_PER_VCPU, SimulationProgress.NONE);
        ComparisonRow choice = report.recommendation().choice();
        assertThat(choice.offering()).isEqualTo(P5);
        assertThat(choice.instances()).isEqualTo(2);
        assertThat(choice.isEligible()).isTrue();
        assertThat(choice.meetDeadlineProbability()).isGreaterThanOrEqualTo(0.9);
        assertThat(report.rows()).allSatisfy(r -> assertThat(r.offering()).isEqualTo(P5));
        assertThat(choice.provenance()).contains("Catalog: aws us-east-1 p5.48xlarge")
                .contains("Hardware: H100 (NVIDIA): 80 GB, 3350 GB/s, 989.5 TFLOP/s BF16; datasheet");
    }

    @Test
    void theLimitKeepsTheCheapestFeasibleOfferingsAndReportsTheOthers() throws KernelException {
        // Many CPU offerings cheaper per hour than any GPU: a cap on the cheapest on-demand would keep only them.
        List<Offering> offerings = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            offerings.add(offering("c" + i + ".large", null, 0, 2, 4, 0.05 + i / 100.0, 0.02, null, null));
        }
        Offering dearerH100 = offering("p5e.48xlarge", "H100", 8, 192, 2048, 120, null, null, null);
        offerings.add(dearerH100);
        offerings.add(P5);
        TrainingReport report = simulator.simulate(job(1000, 8, 168, false), offerings, SPECS, CPU_GFLOPS_PER_VCPU,
                1, SimulationProgress.NONE);
        assertThat(report.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.offering()).isEqualTo(P5));
        assertThat(report.notSimulated()).containsExactly(dearerH100.key());
        assertThat(report.skipped()).hasSize(10)
                .allSatisfy((key, reason) -> assertThat(reason).startsWith("cannot finish before the deadline"));
        assertThat(report.recommendation().choice().offering()).isEqualTo(P5);
    }

    @Test
    void aJobSizedInGpuHoursNeedsGpusAndPaysForIdleAcceleratorsItDoesNotUse() throws KernelException {
        HardwareSpec tpu = new HardwareSpec("tpu-v6e", List.of(), HardwareKind.TPU, "Google", 32, 1640,
                Map.of(Precision.BF16, 918.0), 0, 0, "datasheet");
        Offering pod = offering("tpu-v6e-256", "tpu-v6e", 256, 0, 0, 700, 70.0, null, null);
        List<HardwareSpec> specs = new ArrayList<>(SPECS);
        specs.add(tpu);
        TrainingReport report = simulator.simulate(job(1000, 8, 0, false), List.of(pod, P5), specs,
                CPU_GFLOPS_PER_VCPU, SimulationProgress.NONE);
        assertThat(report.skipped().get(pod.key())).isEqualTo("no accelerator of the asked kind: the job is sized in"
                + " H100-hours on GPUs, this offering has tpu-v6e (TPU)");
        // Four H100s asked for: one p5 holds eight, the job runs on four and pays for all eight.
        TrainingReport four = simulator.simulate(job(1000, 4, 0, false), List.of(P5), SPECS, CPU_GFLOPS_PER_VCPU,
                SimulationProgress.NONE);
        ComparisonRow onDemand = row(four, "p5.48xlarge", PurchaseOption.ON_DEMAND);
        assertThat(onDemand.hours().mean()).isCloseTo(250 + 124 * 0.05, within(1e-9));
        assertThat(onDemand.expectedCost()).isCloseTo((250 + 124 * 0.05) * 98.32, within(1e-6));
        assertThat(onDemand.notes()).contains("the 1 instance hold 8 accelerators, the job runs on 4: the other 4"
                + " are paid for and idle");
    }

    @Test
    void theTrainingStateMustFitTheAcceleratorsMemory() throws KernelException {
        // 70B parameters x 16 bytes = 1,120 GB of training state; one p5 holds 8 x 80 GB = 640 GB.
        TrainingWorkload oneNode = new TrainingWorkload(new TrainingWorkload.ModelFlops(70e9, 1e9, 0.4),
                Precision.BF16, 8, 2, 0.05, 0.5, 0, 0.9, 0.02, 1000, false, 1_000, 1);
        TrainingReport report = simulator.simulate(oneNode, List.of(P5), SPECS, CPU_GFLOPS_PER_VCPU,
                SimulationProgress.NONE);
        assertThat(report.skipped().get(P5.key())).isEqualTo("too little memory: the training state of"
                + " 70,000,000,000 parameters needs at least 1,120 GB (16 bytes each), 8 x H100 hold 640 GB");
        TrainingWorkload twoNodes = new TrainingWorkload(new TrainingWorkload.ModelFlops(70e9, 1e9, 0.4),
                Precision.BF16, 16, 2, 0.05, 0.5, 0, 0.9, 0.02, 1000, false, 1_000, 1);
        assertThat(simulator.simulate(twoNodes, List.of(P5), SPECS, CPU_GFLOPS_PER_VCPU, SimulationProgress.NONE)
                .skipped()).isEmpty();
    }

    @Test
    void aCommitmentCostsItsWholeTermAndIsRecommendedOnlyWhenTheRunSpansIt() throws KernelException {
        TrainingReport shortRun = simulator.simulate(job(1000, 8, 0, false), List.of(P5), SPECS, CPU_GFLOPS_PER_VCPU,
                SimulationProgress.NONE);
        ComparisonRow threeYear = row(shortRun, "p5.48xlarge", PurchaseOption.COMMITTED_3Y);
        assertThat(threeYear.expectedCost()).isCloseTo(3 * 8760 * 43.0, within(1e-6));
        assertThat(threeYear.ineligibleReason()).isEqualTo("the run takes 128 h; a 3-year commitment runs 26,280 h"
                + " (36 months) and is paid in full");
        assertThat(threeYear.notes()).anySatisfy(n -> assertThat(n).contains("a 3-year commitment obliges you to pay"
                + " $43.00/h for 1 instance for 36 months (26,280 h): $1,130,040"));
        assertThat(shortRun.recommendation().choice().option()).isNotIn(PurchaseOption.COMMITTED_1Y,
                PurchaseOption.COMMITTED_3Y);

        // 80,000 H100-hours on 8 accelerators: 10,000 h of work, more than a year.
        TrainingReport longRun = simulator.simulate(job(80_000, 8, 0, false), List.of(P5.withSpotInterruptionsPerHour(0.5)),
                SPECS, CPU_GFLOPS_PER_VCPU, SimulationProgress.NONE);
        ComparisonRow oneYear = row(longRun, "p5.48xlarge", PurchaseOption.COMMITTED_1Y);
        assertThat(oneYear.isEligible()).isTrue();
        assertThat(longRun.recommendation().choice()).isSameAs(oneYear);
        assertThat(longRun.recommendation().reasons()).anySatisfy(r -> assertThat(r).startsWith("Obligation: a"
                + " 1-year commitment obliges you to pay $62.00/h for 1 instance for 12 months"));
    }

    @Test
    void spotDearerThanTheChoiceIsWordedDearerNotANegativeCheaper() throws KernelException {
        Offering dearSpot = offering("p5.48xlarge", "H100", 8, 192, 2048, 98.32, 120.0, null, null);
        TrainingReport report = simulator.simulate(job(1000, 8, 0, false), List.of(dearSpot), SPECS,
                CPU_GFLOPS_PER_VCPU, SimulationProgress.NONE);
        assertThat(report.recommendation().choice().option()).isEqualTo(PurchaseOption.ON_DEMAND);
        assertThat(report.recommendation().reasons()).anySatisfy(r -> assertThat(r)
                .containsPattern("Spot on the same instances would be \\d+% dearer than this option"));
        assertThat(report.recommendation().reasons()).noneSatisfy(r -> assertThat(r).containsPattern("-\\d+%"));
        assertThat(row(report, "p5.48xlarge", PurchaseOption.SPOT).notes()).anySatisfy(n -> assertThat(n)
                .contains("the catalog's spot price ($120.0000/h per instance) is not below on-demand"));
    }

    @Test
    void theFallBackShareNeverExceedsTheInterruptedShare() throws KernelException {
        // A tight deadline: the first interruption leaves no slack, so interrupted runs finish on on-demand.
        TrainingWorkload tight = new TrainingWorkload(new TrainingWorkload.GpuHours(1000, "H100"), Precision.BF16, 8,
                2, 0.05, 0.5, 130, 0.5, 0.05, 1000, false, 20_000, 3);
        ComparisonRow spot = row(simulator.simulate(tight, List.of(P5), SPECS, CPU_GFLOPS_PER_VCPU,
                SimulationProgress.NONE), "p5.48xlarge", PurchaseOption.SPOT);
        assertThat(spot.interruptedShare()).isGreaterThan(0.9);
        assertThat(spot.fallbackShare()).isGreaterThan(0.5).isLessThanOrEqualTo(spot.interruptedShare());
        assertThat(spot.expectedInterruptions()).isGreaterThanOrEqualTo(spot.interruptedShare());
        assertThat(CostWording.interruptions(spot)).contains(CostWording.percent(spot.interruptedShare())
                + " of runs are interrupted at least once");
    }
}
