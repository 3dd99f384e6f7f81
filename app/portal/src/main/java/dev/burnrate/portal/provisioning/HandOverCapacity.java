package dev.burnrate.portal.provisioning;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.Offering;
import dev.burnrate.api.Region;
import dev.burnrate.engine.policy.Outcome;
import dev.burnrate.engine.policy.PolicyEvaluator;
import dev.burnrate.engine.policy.PolicyInput;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.budget.BudgetFigures;
import dev.burnrate.portal.policy.ActivePolicies;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The capacity check right before an approved request is handed to its provider (time may have passed since it
 * was submitted). When the offering cannot be had now, the request moves to the next available offering of the
 * same hardware only if that needs no new decision: the policies allow it outright (ALLOW or WARN, no approval)
 * and it costs no more per hour than the figure approved and reserved in the budget. The move is recorded on the
 * request and audited; when nothing qualifies the caller fails the request with the reason.
 */
@Component
class HandOverCapacity {

    /** Where to provision, or why not. */
    record Decision(Optional<CapacityPlanner.Placement> use, String note) {
    }

    private final CapacityPlanner planner;
    private final ProviderCatalog catalog;
    private final CostEstimator estimator;
    private final ActivePolicies policies;
    private final PolicyEvaluator evaluator;
    private final BudgetFigures budgets;
    private final RequestRepository requests;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    HandOverCapacity(CapacityPlanner planner, ProviderCatalog catalog, CostEstimator estimator,
                     ActivePolicies policies, PolicyEvaluator evaluator, BudgetFigures budgets,
                     RequestRepository requests, AuditService audit, TransactionTemplate tx, Clock clock) {
        this.planner = planner;
        this.catalog = catalog;
        this.estimator = estimator;
        this.policies = policies;
        this.evaluator = evaluator;
        this.budgets = budgets;
        this.requests = requests;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    Decision check(StoredRequest request, CloudProvider provider, Offering offering) {
        Region region = catalog.region(request.providerId(), request.regionId()).orElse(null);
        if (region == null) {
            return new Decision(Optional.empty(), "the provider no longer lists region " + request.regionId());
        }
        CapacityPlanner.Placement wanted = new CapacityPlanner.Placement(region, offering);
        CapacityPlanner.Plan plan = planner.plan(provider, request.template(), request.purchaseOption(), wanted,
                candidate -> withinApproval(request, candidate));
        if (plan.failedOver()) {
            relocate(request, plan);
        }
        return new Decision(plan.use(), plan.note());
    }

    /** Allowed by the policies without approval, and no dearer per hour than what was approved. */
    private boolean withinApproval(StoredRequest request, CapacityPlanner.Placement at) {
        RequestDraft moved = request.draft().placedAt(at.region().id(), at.offering().instanceType());
        Estimate estimate = estimator.estimate(at.offering(), request.count(), request.purchaseOption(),
                request.durationHours(), request.checkpointing());
        if (!estimate.currency().equals(request.estimateCurrency())
                || estimate.hourlyCost() > request.hourlyCost() + 1e-9) {
            return false;
        }
        PolicyInput input = PolicyInputs.of(request.id(), moved, at.region(), at.offering(), estimate);
        Outcome outcome = tx.execute(s -> evaluator.evaluate(policies.load(), input, budgets).outcome());
        return outcome == Outcome.ALLOW || outcome == Outcome.WARN;
    }

    private void relocate(StoredRequest request, CapacityPlanner.Plan plan) {
        CapacityPlanner.Placement to = plan.use().orElseThrow();
        tx.executeWithoutResult(s -> {
            requests.relocate(request.id(), to.region().id(), to.offering().instanceType(), clock.instant());
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("region", request.regionId());
            before.put("instanceType", request.instanceType());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("region", to.region().id());
            after.put("instanceType", to.offering().instanceType());
            after.put("reason", plan.note());
            audit.record("provisioning.capacity-failover", "request:" + request.id(), before, after);
        });
    }
}
