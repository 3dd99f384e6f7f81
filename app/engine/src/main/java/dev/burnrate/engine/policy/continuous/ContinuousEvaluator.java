package dev.burnrate.engine.policy.continuous;

import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.Outcome;
import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.PolicyEvaluator;
import dev.burnrate.engine.policy.PolicyInput;
import dev.burnrate.engine.policy.PolicyMode;
import dev.burnrate.engine.policy.Rule;
import dev.burnrate.engine.policy.Violation;
import dev.burnrate.engine.policy.budget.BudgetCheck;
import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.engine.policy.budget.BudgetRule;
import dev.burnrate.engine.policy.budget.BudgetStatusProvider;
import dev.burnrate.engine.policy.budget.BudgetThreshold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Watches what runs: checks every running resource against the compliance rules and every budget account against
 * its thresholds, and returns only what was not raised before. The portal runs it on a schedule and after each
 * usage import, stores the new alerts and remembers their keys.
 */
public final class ContinuousEvaluator {
    private final PolicyEvaluator evaluator;

    public ContinuousEvaluator(PolicyEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    public ScanResult scan(Collection<Policy> policies, ScanInput input, BudgetStatusProvider budgets,
                           Set<String> alreadyRaised) {
        List<Alert> found = new ArrayList<>();
        for (PolicyInput resource : input.resources()) {
            Decision decision = evaluator.evaluateCompliance(policies, resource);
            for (Violation v : decision.violations()) {
                found.add(new Alert(violationKey(v), Alert.Kind.VIOLATION, v.outcome(), v.policy(), v.ruleId(),
                        resource.team(), resource.project(), resource.resource(), v.message(), v.evidence()));
            }
        }
        Instant now = evaluator.clock().instant();
        for (Policy policy : policies.stream().sorted(Comparator.comparing(Policy::id)).toList()) {
            for (Rule rule : policy.rules()) {
                if (rule instanceof BudgetRule budget) {
                    for (BudgetKey key : accounts(policy, budget, input, now)) {
                        BudgetCheck check = budget.judge(key, budgets.status(key), 0, now, evaluator.budgetZone());
                        found.addAll(thresholdAlerts(policy, budget, check));
                    }
                }
            }
        }
        Set<String> active = new LinkedHashSet<>();
        List<Alert> fresh = new ArrayList<>();
        for (Alert alert : found) {
            if (active.add(alert.key()) && !alreadyRaised.contains(alert.key())) {
                fresh.add(alert);
            }
        }
        return new ScanResult(fresh, active);
    }

    private List<BudgetKey> accounts(Policy policy, BudgetRule budget, ScanInput input, Instant now) {
        List<BudgetKey> keys = new ArrayList<>();
        var zone = evaluator.budgetZone();
        switch (budget.scope()) {
            case ALL -> budget.keyFor(policy.id(), null, null, now, zone).ifPresent(keys::add);
            case TEAM -> input.teams().stream().filter(policy.scope()::mayConcernTeam)
                    .forEach(t -> budget.keyFor(policy.id(), t, null, now, zone).ifPresent(keys::add));
            case PROJECT -> input.projects().stream().filter(policy.scope()::mayConcernProject)
                    .forEach(p -> budget.keyFor(policy.id(), null, p, now, zone).ifPresent(keys::add));
        }
        return keys;
    }

    /**
     * One alert per basis: the highest threshold crossed (lower ones were, or are now, implied by it). A projected
     * crossing is left out when spend has already crossed that percentage: the forecast adds nothing then.
     */
    private static List<Alert> thresholdAlerts(Policy policy, BudgetRule rule, BudgetCheck check) {
        List<Alert> alerts = new ArrayList<>();
        double committedPercent = -1;
        for (BudgetThreshold.Basis basis : BudgetThreshold.Basis.values()) {
            var highest = check.crossed().stream().filter(t -> t.basis() == basis)
                    .max(Comparator.comparingDouble(BudgetThreshold::percent));
            if (highest.isEmpty() || highest.get().percent() <= committedPercent) {
                continue;
            }
            if (basis == BudgetThreshold.Basis.COMMITTED) {
                committedPercent = highest.get().percent();
            }
            alerts.add(thresholdAlert(policy, rule, check, highest.get()));
        }
        return alerts;
    }

    private static Alert thresholdAlert(Policy policy, BudgetRule rule, BudgetCheck check, BudgetThreshold t) {
        BudgetKey key = check.key();
        Outcome severity = policy.mode() == PolicyMode.AUDIT ? Outcome.WARN : t.action().outcome();
        String alertKey = "budget|" + key.id() + "|" + t.basis().yamlName() + "|" + t.percent();
        String team = key.scope() == BudgetKey.Scope.TEAM ? key.scopeValue() : null;
        String project = key.scope() == BudgetKey.Scope.PROJECT ? key.scopeValue() : null;
        String message = check.findingFor(t).message();
        return new Alert(alertKey, Alert.Kind.BUDGET_THRESHOLD, severity, policy.ref(), rule.id(), team, project,
                key.id(), message, check.evidence(t));
    }

    /** Without the policy version, so that editing a policy does not raise its open violations again. */
    static String violationKey(Violation v) {
        return "violation|" + v.policy().id() + "|" + v.ruleId() + "|" + v.code() + "|" + v.resource();
    }
}
