package dev.burnrate.portal.placement;

import dev.burnrate.api.KernelException;
import dev.burnrate.api.Offering;
import dev.burnrate.api.ProvisionSuggestion;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.Recommendation;
import dev.burnrate.api.RecommendationInput;
import dev.burnrate.api.Recommender;
import dev.burnrate.api.ResourceFacts;
import dev.burnrate.api.ResourceState;
import dev.burnrate.engine.kernel.KernelRunner;
import dev.burnrate.engine.kernel.SpotTrainingPlan;
import dev.burnrate.engine.simulation.Distribution;
import dev.burnrate.portal.compute.ComputeService;
import dev.burnrate.portal.provisioning.Estimate;
import dev.burnrate.portal.provisioning.SimulatedEstimator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Built-in recommender: on-demand accelerator work that would cost less on spot with hourly checkpoints. The evidence
 * is the spot-interruption Monte Carlo of a month of the resource's work (the provisioning estimator's model and
 * interruption rate): the distribution of its cost and of the time that month of work takes to finish. Resource
 * facts do not say whether the work can resume from a checkpoint, so the risk names it for the team to judge.
 */
@Component
public class SpotRecommender implements Recommender {

    static final int SCENARIOS = 10_000;
    static final double CHECKPOINT_INTERVAL_HOURS = 1.0;
    static final double CHECKPOINT_OVERHEAD_HOURS = 0.05;
    static final double RESTART_HOURS = 0.25;
    static final int MAX_INTERRUPTIONS = 200;
    // Fixed: the page shows the same figures each time it opens for the same resources.
    private static final long SEED = 20_261_207L;
    private static final Logger log = LoggerFactory.getLogger(SpotRecommender.class);

    private final ComputeService compute;
    private final SimulatedEstimator estimator;

    public SpotRecommender(ComputeService compute, SimulatedEstimator estimator) {
        this.compute = compute;
        this.estimator = estimator;
    }

    @Override
    public String id() {
        return "spot";
    }

    @Override
    public String displayName() {
        return "Spot with checkpointing";
    }

    @Override
    public List<Recommendation> recommend(RecommendationInput input) {
        List<Recommendation> found = new ArrayList<>();
        for (ResourceFacts resource : input.resources()) {
            if (resource.purchaseOption() != PurchaseOption.ON_DEMAND || resource.state() == ResourceState.STOPPED) {
                continue;
            }
            input.offeringOf(resource).filter(o -> o.hasAccelerator() && o.prices().spot() != null)
                    .flatMap(o -> recommendation(resource, o)).ifPresent(found::add);
        }
        return found;
    }

    private Optional<Recommendation> recommendation(ResourceFacts resource, Offering offering) {
        int count = resource.count();
        double month = Estimate.HOURS_PER_MONTH;
        double perInstance = estimator.interruptionsPerHour(offering);
        double onDemandMonth = offering.prices().onDemand() * count * month;
        SpotTrainingPlan plan = new SpotTrainingPlan(month, CHECKPOINT_INTERVAL_HOURS, CHECKPOINT_OVERHEAD_HOURS,
                RESTART_HOURS, perInstance * count, offering.prices().spot() * count,
                offering.prices().onDemand() * count, 0, 0, MAX_INTERRUPTIONS);
        KernelRunner.SpotTrainingResult result;
        try {
            result = new KernelRunner(compute.router()).spotTraining(plan.params(SEED), SCENARIOS);
        } catch (KernelException | RuntimeException e) {
            log.warn("Spot simulation failed for resource {}; no spot recommendation", resource.resourceId(), e);
            return Optional.empty();
        }
        Distribution cost = Distribution.of(result.cost());
        Distribution finish = Distribution.of(result.wallHours());
        double savingP50 = onDemandMonth - cost.p50();
        if (!(savingP50 > 0)) {
            return Optional.empty();
        }
        // Low: the P90 (costly) month on spot; high: the cheapest simulated month.
        double low = Math.max(0, onDemandMonth - cost.p90());
        double high = Math.max(savingP50, onDemandMonth - cost.min());
        String currency = offering.prices().currency();
        double meanInterruptions = Arrays.stream(result.interruptions()).average().orElse(0);
        List<String> evidence = List.of(
                String.format("On demand: %,.2f %s a month (%d × %s at %,.4f an hour, %.0f hours).", onDemandMonth,
                        currency, count, offering.instanceType(), offering.prices().onDemand(), month),
                String.format("Spot with a checkpoint every %.0f h, %,d simulated months at %.4f interruptions per"
                                + " instance-hour: cost P50 %,.2f, P90 %,.2f %s.", CHECKPOINT_INTERVAL_HOURS, SCENARIOS,
                        perInstance, cost.p50(), cost.p90(), currency),
                String.format("A month of work finishes in %.0f h at P50 and %.0f h at P90 (%.1f interruptions on"
                        + " average, each losing up to an hour of work and %.2f h to restart).", finish.p50(),
                        finish.p90(), meanInterruptions, RESTART_HOURS),
                "Only for work that saves checkpoints and resumes from them (training, batch): a service or a run"
                        + " that cannot resume loses its work at each interruption.");
        return Optional.of(new Recommendation("spot:" + resource.resourceId(), resource.team(),
                "Checkpoint " + resource.name() + " and run it on spot", evidence, savingP50, low, high, currency,
                Recommendation.Risk.MEDIUM, new ProvisionSuggestion(resource.providerId(), resource.regionId(),
                resource.instanceType(), count, PurchaseOption.SPOT)));
    }
}
