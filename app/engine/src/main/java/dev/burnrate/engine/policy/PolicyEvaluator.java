package dev.burnrate.engine.policy;

import dev.burnrate.engine.policy.budget.BudgetCheck;
import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.engine.policy.budget.BudgetRule;
import dev.burnrate.engine.policy.budget.BudgetStatusProvider;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Judges a request or resource against policies. Stateless and thread-safe: the policies and budget figures come
 * with each call. Policies are applied in id order so a decision (and its log entry) does not depend on the order
 * the caller loaded them in.
 */
public final class PolicyEvaluator {
    private final Clock clock;
    private final ZoneId budgetZone;

    public PolicyEvaluator(Clock clock) {
        this(clock, ZoneOffset.UTC);
    }

    /** @param budgetZone the zone in which budget months and quarters begin */
    public PolicyEvaluator(Clock clock, ZoneId budgetZone) {
        this.clock = clock;
        this.budgetZone = budgetZone;
    }

    public Clock clock() {
        return clock;
    }

    public ZoneId budgetZone() {
        return budgetZone;
    }

    /** Every rule of every policy in scope, budgets included. */
    public Decision evaluate(Collection<Policy> policies, PolicyInput input, BudgetStatusProvider budgets) {
        return evaluate(policies, input, budgets, true);
    }

    /** Compliance rules only, no budgets: what continuous evaluation checks per running resource. */
    public Decision evaluateCompliance(Collection<Policy> policies, PolicyInput input) {
        return evaluate(policies, input, key -> {
            throw new IllegalStateException("budgets are not read when checking compliance");
        }, false);
    }

    /** The budget accounts a request is charged to, sorted (the order to lock them in). */
    public List<BudgetKey> budgetKeys(Collection<Policy> policies, PolicyInput input) {
        TreeSet<BudgetKey> keys = new TreeSet<>();
        for (Policy policy : inScope(policies, input)) {
            for (Rule rule : policy.rules()) {
                if (rule instanceof BudgetRule budget) {
                    budget.keyFor(policy.id(), input.team(), input.project(), clock.instant(), budgetZone)
                            .ifPresent(keys::add);
                }
            }
        }
        return List.copyOf(keys);
    }

    private Decision evaluate(Collection<Policy> policies, PolicyInput input, BudgetStatusProvider budgets,
                              boolean withBudgets) {
        var now = clock.instant();
        List<Violation> violations = new ArrayList<>();
        List<PolicyRef> evaluated = new ArrayList<>();
        List<BudgetCheck> checks = new ArrayList<>();
        for (Policy policy : inScope(policies, input)) {
            evaluated.add(policy.ref());
            EvaluationContext context = new EvaluationContext(policy, now, budgetZone, budgets);
            for (Rule rule : policy.rules()) {
                if (rule instanceof BudgetRule budget) {
                    if (withBudgets) {
                        budget.judge(input, context).ifPresent(check -> {
                            checks.add(check);
                            check.finding().ifPresent(f -> violations.add(Violation.of(policy, rule,
                                    input.resource(), f)));
                        });
                    }
                    continue;
                }
                for (Finding finding : RuleGuard.check(rule, input, context)) {
                    violations.add(Violation.of(policy, rule, input.resource(), finding));
                }
            }
        }
        return Decision.of(violations, evaluated, checks);
    }

    private static List<Policy> inScope(Collection<Policy> policies, PolicyInput input) {
        return policies.stream().filter(p -> p.scope().covers(input.team(), input.project()))
                .sorted(Comparator.comparing(Policy::id)).toList();
    }
}
