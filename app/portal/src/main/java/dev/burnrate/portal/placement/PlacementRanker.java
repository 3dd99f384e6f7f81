package dev.burnrate.portal.placement;

import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.Offering;
import dev.burnrate.api.Precision;
import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.Outcome;
import dev.burnrate.engine.simulation.InstanceCompute;
import dev.burnrate.portal.plugin.CatalogOffering;
import dev.burnrate.portal.provisioning.CostEstimator;
import dev.burnrate.portal.provisioning.Estimate;
import dev.burnrate.portal.provisioning.OfferingEstimates;
import dev.burnrate.portal.provisioning.RequestDraft;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Ranks every offering for a job by cost per job, like SkyPilot's optimizer but asking the policies. Time to finish
 * comes from the hardware's peak throughput (the simulator's {@link InstanceCompute}, BF16 or the nearest precision
 * published) relative to the offering the job names; the cost of that time comes from the provisioning estimator
 * (for spot runs, the interruption Monte Carlo, so spot risk is in the figure); the policies judge each placed
 * request as the /provision preview would, and what they deny is left out with their reason.
 */
public final class PlacementRanker {

    /** The policy dry run for one placement (a port, so the ranking can be tested without a database). */
    @FunctionalInterface
    public interface Judge {
        /** @throws CannotJudge when the offering lacks what the policies need (e.g. its region's facts) */
        Decision judge(RequestDraft placed, CatalogOffering at, Estimate estimate);
    }

    /** An offering the policies cannot judge, so it is left out (never assumed allowed), with the reason. */
    public static final class CannotJudge extends RuntimeException {
        public CannotJudge(String reason) {
            super(reason);
        }
    }

    private final CostEstimator estimator;
    private final List<HardwareSpec> specs;
    private final double cpuGflopsPerVcpu;

    public PlacementRanker(CostEstimator estimator, List<HardwareSpec> specs, double cpuGflopsPerVcpu) {
        this.estimator = estimator;
        this.specs = List.copyOf(specs);
        this.cpuGflopsPerVcpu = cpuGflopsPerVcpu;
    }

    public PlacementRanking rank(PlacementSpec spec, List<CatalogOffering> offerings, Judge judge) {
        RequestDraft draft = spec.draft();
        Optional<InstanceCompute> reference = compute(spec.reference());
        if (reference.isEmpty() || !(reference.get().instancePeakTflops() > 0)) {
            throw new IllegalArgumentException("No hardware spec describes " + spec.reference().acceleratorName()
                    + " (" + spec.reference().key() + "): its throughput is unknown, so no other offering can be"
                    + " compared with it");
        }
        double work = draft.count() * reference.get().instancePeakTflops();
        List<Placement> feasible = new ArrayList<>();
        List<Exclusion> excluded = new ArrayList<>();
        for (CatalogOffering candidate : offerings) {
            Offering o = candidate.offering();
            if (!draft.template().fits(o) || o.prices().forOption(draft.purchaseOption()) == null) {
                continue; // not an offering of this kind of work or purchase option at all: nothing to explain
            }
            Optional<InstanceCompute> compute = compute(o);
            if (compute.isEmpty() || !(compute.get().instancePeakTflops() > 0)) {
                excluded.add(new Exclusion(o.key(), "no hardware spec for " + o.acceleratorName()
                        + ": time to finish unknown"));
                continue;
            }
            double instancePeak = compute.get().instancePeakTflops();
            // 1e-9: a whole number of instances computed through division must not round up to one more
            int instances = (int) Math.max(1, Math.ceil(work / instancePeak - 1e-9));
            if (instances > OfferingEstimates.MAX_INSTANCES) {
                excluded.add(new Exclusion(o.key(), "needs more than " + OfferingEstimates.MAX_INSTANCES
                        + " instances to match the throughput"));
                continue;
            }
            Double hours = draft.durationHours() == null ? null
                    : draft.durationHours() * work / (instances * instancePeak);
            RequestDraft placed = new RequestDraft(draft.template(), draft.team(), draft.project(), draft.name(),
                    candidate.providerId(), o.regionId(), o.instanceType(), instances, draft.purchaseOption(), hours,
                    draft.dataClassification(), draft.tags(), draft.encrypted(), draft.privateNetwork(),
                    draft.checkpointing(), draft.deadlineCritical());
            Estimate estimate = estimator.estimate(o, instances, draft.purchaseOption(), hours, draft.checkpointing());
            Decision decision;
            try {
                decision = judge.judge(placed, candidate, estimate);
            } catch (CannotJudge e) {
                excluded.add(new Exclusion(o.key(), e.getMessage()));
                continue;
            }
            if (decision.outcome() == Outcome.DENY) {
                excluded.add(new Exclusion(o.key(), denial(decision)));
                continue;
            }
            feasible.add(new Placement(candidate, instances, hours, estimate, decision.outcome(), placed));
        }
        feasible.sort(Comparator.comparingDouble((Placement p) -> p.estimate().expectedTotal())
                .thenComparing(p -> p.offering().providerId())
                .thenComparing(p -> p.offering().offering().regionId())
                .thenComparing(p -> p.offering().offering().instanceType()));
        return new PlacementRanking(feasible, excluded);
    }

    private Optional<InstanceCompute> compute(Offering offering) {
        return InstanceCompute.of(offering, specs, Precision.BF16, cpuGflopsPerVcpu);
    }

    /** The denying rules' types and messages' policies, e.g. "denied by GDPR data residency (data_residency)". */
    private static String denial(Decision decision) {
        return decision.violations().stream().filter(v -> v.outcome() == Outcome.DENY)
                .map(v -> "denied by " + v.policyName() + " (" + v.ruleType() + ")").distinct().sorted()
                .reduce((a, b) -> a + "; " + b).orElse("denied by the policies");
    }
}
