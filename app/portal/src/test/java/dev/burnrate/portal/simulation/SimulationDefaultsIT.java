package dev.burnrate.portal.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.HardwareKind;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.engine.simulation.ComparisonRow;
import dev.burnrate.engine.simulation.CommitmentTerm;
import dev.burnrate.engine.simulation.SimulationProgress;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.BrowserTestBase;
import dev.burnrate.portal.support.RunAs;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The simulator's first answers on the built-in provider and hardware catalogs, as a new user gets them: the
 * defaults describe a job that can be met and get a feasible GPU recommendation, no limit silently drops an
 * offering, and GPU vs CPU serving recommends a sensible offering.
 */
class SimulationDefaultsIT extends BrowserTestBase {

    @Autowired
    SimulationService simulations;

    @Autowired
    ApplicationContext app;

    @Test
    void theDefaultTrainingRunGetsAFeasibleGpuRecommendation() {
        SimulationInputs defaults = SimulationInputs.defaults();
        assertThat(defaults.candidates().includeCpu()).as("a GPU job leaves CPU-only offerings out").isFalse();
        SimulationInputs.Training training = defaults.training();
        assertThat(training.gpuHours() / training.accelerators()).isLessThan(training.deadlineHours());
        SimulationOutcome outcome = run(defaults);
        ComparisonRow choice = outcome.training().recommendation().choice();
        assertThat(choice.kind()).as(choice.label()).isEqualTo(HardwareKind.GPU);
        assertThat(choice.isEligible()).isTrue();
        assertThat(choice.meetDeadlineProbability()).isGreaterThanOrEqualTo(training.deadlineConfidence());
        assertThat(CommitmentTerm.isCommitment(choice.option())).isFalse();
        assertThat(choice.provenance()).contains("Catalog: " + choice.offering().providerId() + " "
                + choice.offering().regionId() + " " + choice.offering().instanceType()).contains("Hardware: ");
        assertThat(outcome.training().skipped().values()).allSatisfy(reason -> assertThat(reason).isNotBlank());
    }

    @Test
    void noLimitSilentlyLeavesOutAwsP5ForH100() {
        SimulationInputs h100 = with(SimulationInputs.defaults(), new SimulationInputs.Candidates(null, null, "H100",
                null, false, List.of(), SimulationInputs.Candidates.DEFAULT_MAX_SIMULATED));
        SimulationOutcome outcome = run(h100);
        assertThat(outcome.training().rows()).anySatisfy(r -> assertThat(r.offering().instanceType())
                .isEqualTo("p5.48xlarge"));
        // With a limit of one, the rest is named, not dropped.
        SimulationOutcome one = run(with(h100, new SimulationInputs.Candidates(null, null, "H100", null, false,
                List.of(), 1)));
        assertThat(one.training().rows().stream().map(r -> r.offering().key()).distinct()).hasSize(1);
        long feasible = outcome.training().rows().stream().map(r -> r.offering().key()).distinct().count()
                + outcome.training().notSimulated().size();
        assertThat(one.training().notSimulated()).hasSize((int) feasible - 1);
    }

    @Test
    void gpuVersusCpuServingRecommendsAGpuAndNoCommitmentForAMonthOfLoad() {
        SimulationInputs defaults = SimulationInputs.defaults();
        SimulationInputs serving = new SimulationInputs(SimulationInputs.Kind.INFERENCE, defaults.training(),
                defaults.inference(), new SimulationInputs.Candidates(null, null, null, null, true, List.of(),
                SimulationInputs.Candidates.DEFAULT_MAX_SIMULATED));
        SimulationOutcome outcome = run(serving);
        ComparisonRow choice = outcome.inference().recommendation().choice();
        assertThat(choice.isAccelerated()).as(choice.label()).isTrue();
        assertThat(choice.option()).isIn(PurchaseOption.ON_DEMAND, PurchaseOption.SPOT);
        assertThat(outcome.inference().rows()).filteredOn(r -> CommitmentTerm.isCommitment(r.option()))
                .allSatisfy(r -> assertThat(r.ineligibleReason()).contains("does not span"));
    }

    @Test
    void aScenarioSavedBeforeTheLimitExistedReadsBackWithTheDefaultLimit() {
        String json = ScenarioJson.write(SimulationInputs.defaults()).replace(",\"maxSimulated\":60", "");
        assertThat(json).doesNotContain("maxSimulated");
        assertThat(ScenarioJson.read(json, SimulationInputs.class).candidates().maxSimulated())
                .isEqualTo(SimulationInputs.Candidates.DEFAULT_MAX_SIMULATED);
    }

    private static SimulationInputs with(SimulationInputs inputs, SimulationInputs.Candidates candidates) {
        return new SimulationInputs(inputs.kind(), inputs.training(), inputs.inference(), candidates);
    }

    private SimulationOutcome run(SimulationInputs inputs) {
        return RunAs.user(app, "engineer", () -> {
            try {
                return simulations.run(inputs, SimulationProgress.NONE);
            } catch (dev.burnrate.api.KernelException e) {
                throw new IllegalStateException(e);
            }
        }, Role.ENGINEER);
    }
}
