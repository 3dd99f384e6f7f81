package dev.burnrate.portal.provisioning;

import dev.burnrate.api.Offering;
import dev.burnrate.api.Region;
import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.PolicyEvaluator;
import dev.burnrate.portal.budget.BudgetFigures;
import dev.burnrate.portal.policy.ActivePolicies;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the active policies would decide for a draft placed on an offering, exactly as the /provision preview asks
 * them (same inputs, same evaluator, budgets included), so a placement that ranks as feasible is one the request
 * would not be denied for. Stores nothing. Load the policies once ({@link #policies()}, inside a transaction) and
 * judge many placements with them.
 */
@Component
public class PolicyDryRun {

    private final ActivePolicies policies;
    private final PolicyEvaluator evaluator;
    private final BudgetFigures budgets;

    public PolicyDryRun(ActivePolicies policies, PolicyEvaluator evaluator, BudgetFigures budgets) {
        this.policies = policies;
        this.evaluator = evaluator;
        this.budgets = budgets;
    }

    /** The enabled policies; call inside a transaction. */
    public List<Policy> policies() {
        return policies.load();
    }

    public Decision judge(List<Policy> active, RequestDraft draft, Region region, Offering offering,
                          Estimate estimate) {
        return evaluator.evaluate(active, PolicyInputs.of("placement", draft, region, offering, estimate), budgets);
    }
}
