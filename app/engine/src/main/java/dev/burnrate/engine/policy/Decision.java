package dev.burnrate.engine.policy;

import dev.burnrate.engine.policy.budget.BudgetCheck;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The result of judging a request against the policies: never a bare yes or no.
 *
 * @param outcome       the most severe outcome of any violation; ALLOW when there are none
 * @param violations    every rule broken, with its evidence
 * @param approverRoles who must approve when the outcome is REQUIRE_APPROVAL: APPROVER, plus FINANCE when a budget
 *                      rule asked; empty for any other outcome
 * @param evaluated     the policies (and versions) that applied to the request, for the decision log
 * @param budgets       the budgets judged, with their figures, whether or not a threshold was crossed
 */
public record Decision(Outcome outcome, List<Violation> violations, Set<ApproverRole> approverRoles,
                       List<PolicyRef> evaluated, List<BudgetCheck> budgets) {

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        violations = List.copyOf(violations);
        approverRoles = approverRoles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(approverRoles));
        evaluated = List.copyOf(evaluated);
        budgets = List.copyOf(budgets);
    }

    /** Combines violations into a decision: the most severe outcome wins; approvers follow from it. */
    public static Decision of(List<Violation> violations, List<PolicyRef> evaluated, List<BudgetCheck> budgets) {
        Outcome outcome = Outcome.ALLOW;
        for (Violation violation : violations) {
            outcome = Outcome.mostSevere(outcome, violation.outcome());
        }
        Set<ApproverRole> roles = EnumSet.noneOf(ApproverRole.class);
        if (outcome == Outcome.REQUIRE_APPROVAL) {
            roles.add(ApproverRole.APPROVER);
            boolean financeAsked = violations.stream()
                    .anyMatch(v -> v.outcome() == Outcome.REQUIRE_APPROVAL && v.financeApproval());
            if (financeAsked) {
                roles.add(ApproverRole.FINANCE);
            }
        }
        return new Decision(outcome, violations, roles, evaluated, budgets);
    }

    /** The violations that decide the outcome (those as severe as it), for a short explanation. */
    public List<Violation> reasons() {
        return violations.stream().filter(v -> v.outcome() == outcome).toList();
    }
}
