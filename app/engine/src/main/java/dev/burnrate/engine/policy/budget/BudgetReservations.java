package dev.burnrate.engine.policy.budget;

import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.Outcome;
import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.PolicyEvaluator;
import dev.burnrate.engine.policy.PolicyInput;

import java.util.Collection;
import java.util.List;

/**
 * Makes a provisioning decision final: judges the request with its budget accounts locked and, unless it is
 * denied, reserves its cost on every account in the same atomic step. However many requests race for one budget,
 * the reservations never take it past a DENY threshold, because each is judged on figures that include every
 * reservation made before it.
 *
 * <p>A request waiting for approval keeps its reservation (the money is promised until someone rejects it); the
 * portal calls {@link BudgetLedger#release} when a request is rejected or fails, or once its cost is metered.
 */
public final class BudgetReservations {
    private final PolicyEvaluator evaluator;
    private final BudgetLedger ledger;

    public BudgetReservations(PolicyEvaluator evaluator, BudgetLedger ledger) {
        this.evaluator = evaluator;
        this.ledger = ledger;
    }

    /**
     * The final decision for a request, with its reservations recorded when the outcome is not DENY.
     *
     * @param requestId the idempotency key: deciding the same request again replaces its reservations
     */
    public Decision decideAndReserve(String requestId, Collection<Policy> policies, PolicyInput input) {
        List<BudgetKey> keys = evaluator.budgetKeys(policies, input);
        return ledger.atomically(requestId, keys, accounts -> {
            Decision decision = evaluator.evaluate(policies, input, accounts);
            if (decision.outcome() == Outcome.DENY) {
                accounts.releaseAll();
            } else {
                for (BudgetCheck check : decision.budgets()) {
                    accounts.reserve(check.key(), check.requestCost());
                }
            }
            return decision;
        });
    }
}
