package dev.burnrate.portal.provisioning;

import static dev.burnrate.portal.db.Tables.APPROVALS;
import static dev.burnrate.portal.db.Tables.PROVISIONING_REQUESTS;
import static dev.burnrate.portal.db.Tables.TEAM_MEMBERS;
import static dev.burnrate.portal.db.Tables.USERS;

import dev.burnrate.engine.policy.ApproverRole;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * The approval queue's rule as one query condition, so the database scopes and pages the queue: a pending request
 * that someone else asked for and on which the user gave no verdict yet (the two verdicts of a two-step approval
 * come from two people), which still needs APPROVER and is in one of the user's teams (for an approver), or which
 * a budget sent to finance and still needs FINANCE (for finance, any team). An ADMIN may decide on any pending
 * request (for the verdict it still lacks) to unblock it, under the same two rules.
 */
final class ApprovalQueueScope {

    private ApprovalQueueScope() {
    }

    static Condition forUser(String username, boolean approver, boolean finance) {
        return forUser(username, approver, finance, false);
    }

    static Condition forUser(String username, boolean approver, boolean finance, boolean admin) {
        Condition mayDecide = admin ? DSL.trueCondition() : DSL.falseCondition();
        if (approver) {
            mayDecide = mayDecide.or(PROVISIONING_REQUESTS.TEAM_ID.in(DSL.select(TEAM_MEMBERS.TEAM_ID)
                            .from(TEAM_MEMBERS).join(USERS).on(USERS.ID.eq(TEAM_MEMBERS.USER_ID))
                            .where(USERS.USERNAME.eq(username)))
                    .and(DSL.notExists(verdictBy(APPROVALS.ROLE.eq(ApproverRole.APPROVER.name())))));
        }
        if (finance) {
            mayDecide = mayDecide.or(PROVISIONING_REQUESTS.NEEDS_FINANCE.isTrue()
                    .and(DSL.notExists(verdictBy(APPROVALS.ROLE.eq(ApproverRole.FINANCE.name())))));
        }
        return PROVISIONING_REQUESTS.STATE.eq(RequestState.PENDING_APPROVAL.name())
                .and(PROVISIONING_REQUESTS.REQUESTED_BY.ne(username))
                .and(DSL.notExists(verdictBy(APPROVALS.DECIDED_BY.eq(username))))
                .and(mayDecide);
    }

    private static org.jooq.Select<?> verdictBy(Condition which) {
        return DSL.selectOne().from(APPROVALS).where(APPROVALS.REQUEST_ID.eq(PROVISIONING_REQUESTS.ID)).and(which);
    }
}
