package dev.burnrate.engine.simulation;

import dev.burnrate.api.KernelException;
import dev.burnrate.api.Offering;
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

/** Inference answers a newcomer can trust: memory compared like with like, commitments, spot rows explained. */
class InferenceAnswersTest {

    private final InferenceSimulator simulator = new InferenceSimulator(
            new KernelRunner(KernelRouter.always(new ReferenceBackend())));

    private static InferenceWorkload eightBillion(int days, double trough, double peak, int minInstances) {
        return new InferenceWorkload(InferenceWorkload.dailyCurve(trough, peak, days), 300, 8e9, Precision.BF16, 0.4,
                16, 0.7, 0.5, minInstances);
    }

    @Test
    void aCpuTooSmallForTheWeightsComparesThemWithTheMemoryUsableForThem() throws KernelException {
        // 16 GiB = 17.2 GB; 8B parameters at BF16 = 16.0 GB, more than the 80% (13.7 GB) weights may take.
        Offering a1 = offering("a1.2xlarge", null, 0, 8, 16, 0.204, 0.05, null, null);
        InferenceReport report = simulator.simulate(eightBillion(1, 5, 40, 1), List.of(a1, G5), SPECS,
                CPU_GFLOPS_PER_VCPU, SimulationProgress.NONE);
        assertThat(report.skipped().get(a1.key())).isEqualTo("too little memory: the model's weights (16.0 GB at"
                + " BF16) exceed the 13.7 GB usable for them (80% of the instance's 17.2 GB; the rest holds the KV"
                + " cache, activations and the operating system)");
    }

    @Test
    void gpuVersusCpuRecommendsTheGpuWhenItIsCheaper() throws KernelException {
        InferenceReport report = simulator.simulate(eightBillion(30, 5, 40, 1), List.of(C7I, G5, P5), SPECS,
                CPU_GFLOPS_PER_VCPU, SimulationProgress.NONE);
        ComparisonRow choice = report.recommendation().choice();
        assertThat(choice.isAccelerated()).isTrue();
        assertThat(choice.option()).isIn(PurchaseOption.ON_DEMAND, PurchaseOption.SPOT);
        assertThat(report.recommendation().reasons()).anySatisfy(r -> assertThat(r)
                .containsPattern("Cheapest on CPUs: .* \\(\\d+% dearer than the recommendation\\)"));
        assertThat(report.recommendation().reasons()).noneSatisfy(r -> assertThat(r).containsPattern("-\\d+%"));
    }

    @Test
    void commitmentsArePricedOverTheTermAndRecommendedOnlyWhenTheLoadSpansIt() throws KernelException {
        InferenceReport month = simulator.simulate(eightBillion(30, 20, 20, 1), List.of(G5), SPECS,
                CPU_GFLOPS_PER_VCPU, SimulationProgress.NONE);
        ComparisonRow threeYear = month.rows().stream().filter(r -> r.option() == PurchaseOption.COMMITTED_3Y)
                .findFirst().orElseThrow();
        int instances = month.instancesPerHour().get(G5.key())[0];
        // A steady load: every instance is committed, for all 26,280 hours of the term.
        assertThat(threeYear.expectedCost()).isCloseTo(instances * 0.43 * 26_280, within(1e-6));
        assertThat(threeYear.ineligibleReason()).isEqualTo("the 720-hour load curve does not span the 3-year"
                + " commitment (26,280 h, 36 months)");
        assertThat(month.recommendation().choice().option()).isIn(PurchaseOption.ON_DEMAND, PurchaseOption.SPOT);
        assertThat(month.recommendation().reasons()).anySatisfy(r -> assertThat(r).contains("3-year commitment on "
                + G5.key() + ": If this load continued for the whole term").contains("for 36 months"));

        InferenceReport year = simulator.simulate(eightBillion(366, 20, 20, 1), List.of(G5), SPECS,
                CPU_GFLOPS_PER_VCPU, SimulationProgress.NONE);
        ComparisonRow choice = year.recommendation().choice();
        assertThat(choice.option()).isEqualTo(PurchaseOption.COMMITTED_1Y);
        assertThat(year.recommendation().reasons()).anySatisfy(r -> assertThat(r).startsWith("Obligation: a 1-year"
                + " commitment obliges you to pay $0.63/h for").contains("for 12 months"));
    }

    @Test
    void aSpotRowThatCostsWhatOnDemandCostsSaysWhy() throws KernelException {
        // One instance an hour: half of one instance rounds down to none on spot.
        InferenceReport small = simulator.simulate(eightBillion(1, 0.1, 0.2, 1), List.of(G5), SPECS,
                CPU_GFLOPS_PER_VCPU, SimulationProgress.NONE);
        assertThat(Arrays.stream(small.instancesPerHour().get(G5.key())).max().orElseThrow()).isEqualTo(1);
        ComparisonRow spot = row(small, PurchaseOption.SPOT);
        assertThat(spot.expectedCost()).isEqualTo(row(small, PurchaseOption.ON_DEMAND).expectedCost());
        assertThat(spot.notes()).anySatisfy(n -> assertThat(n).contains("0 of 24 instance-hours on spot")
                .contains("no hour has enough instances for a spot share of them"));

        Offering noDiscount = offering("g5.xlarge", "A10G", 1, 4, 16, 1.006, 1.2, null, null);
        InferenceReport dear = simulator.simulate(eightBillion(1, 20, 40, 1), List.of(noDiscount), SPECS,
                CPU_GFLOPS_PER_VCPU, SimulationProgress.NONE);
        assertThat(row(dear, PurchaseOption.SPOT).notes()).anySatisfy(n -> assertThat(n)
                .contains("the catalog's spot price ($1.2000/h) is not below on-demand ($1.0060/h)"));
        assertThat(row(dear, PurchaseOption.SPOT).provenance()).contains("spot $1.2000/h per instance");
    }

    private static ComparisonRow row(InferenceReport report, PurchaseOption option) {
        return report.rows().stream().filter(r -> r.option() == option).findFirst().orElseThrow();
    }
}
