package dev.burnrate.portal.provisioning;

import dev.burnrate.engine.policy.ApproverRole;
import dev.burnrate.engine.policy.budget.BudgetCheck;
import dev.burnrate.portal.policy.DecisionRecord;
import java.util.List;

/**
 * A request in an approver's queue.
 *
 * @param decision   the decision made at submit, with its reasons
 * @param budgets    the budgets it is charged to, with today's figures
 * @param actingRole the role the current user would decide for
 */
public record PendingApproval(StoredRequest request, DecisionRecord decision, List<BudgetCheck> budgets,
                              List<ApprovalRecord> approvals, ApproverRole actingRole) {
}
