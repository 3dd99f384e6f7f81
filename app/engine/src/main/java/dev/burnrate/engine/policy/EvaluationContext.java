package dev.burnrate.engine.policy;

import dev.burnrate.engine.policy.budget.BudgetStatusProvider;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What a rule may need beyond the input: the policy it belongs to, the time of the evaluation, the zone budget
 * periods are counted in, and the budget figures.
 */
public record EvaluationContext(Policy policy, Instant now, ZoneId zone, BudgetStatusProvider budgets) {
    public EvaluationContext {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(budgets, "budgets");
    }
}
