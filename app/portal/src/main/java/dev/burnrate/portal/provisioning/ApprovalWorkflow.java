package dev.burnrate.portal.provisioning;

import dev.burnrate.engine.policy.ApproverRole;
import dev.burnrate.engine.policy.budget.BudgetLedger;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The state machine of an approval, to be run inside one transaction. The request row is locked first, so two
 * approvers acting at once are serialised: the second sees the first's verdict and is refused (or, for the other
 * role, completes the approval). The unique (request, role) key backs this up in the database.
 */
public class ApprovalWorkflow {

    private final RequestRepository requests;
    private final ApprovalRepository approvals;
    private final BudgetLedger ledger;
    private final Clock clock;

    public ApprovalWorkflow(RequestRepository requests, ApprovalRepository approvals, BudgetLedger ledger,
                            Clock clock) {
        this.requests = requests;
        this.approvals = approvals;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** What a verdict did. */
    public record Result(StoredRequest before, RequestState state, ApproverRole role, List<ApprovalRecord> approvals) {
    }

    /** The roles a request needs. */
    public static Set<ApproverRole> required(StoredRequest request) {
        return request.needsFinance() ? EnumSet.of(ApproverRole.APPROVER, ApproverRole.FINANCE)
                : EnumSet.of(ApproverRole.APPROVER);
    }

    /**
     * Records a verdict for one role. A rejection ends the request and frees its budget reservation; the last
     * approval needed moves it to APPROVED.
     */
    public Result decide(String requestId, ApproverRole role, boolean approve, String actor, String comment) {
        StoredRequest request = requests.lock(requestId)
                .orElseThrow(() -> new ApprovalConflict("No request " + requestId));
        List<ApprovalRecord> given = approvals.forRequest(requestId);
        if (request.state() != RequestState.PENDING_APPROVAL) {
            throw new ApprovalConflict("Request " + requestId + " is " + request.state().name().toLowerCase()
                    + describe(given) + "; nothing to decide");
        }
        if (!required(request).contains(role)) {
            throw new ApprovalConflict("Request " + requestId + " does not need " + role + " approval");
        }
        if (given.stream().anyMatch(a -> a.role() == role)) {
            throw new ApprovalConflict("The " + role + " decision on " + requestId + " was made already"
                    + describe(given));
        }
        if (request.requestedBy().equals(actor)) {
            throw new ApprovalConflict("You cannot approve or reject your own request");
        }
        requireAnotherPerson(requestId, given, actor);
        Instant now = clock.instant();
        approvals.insert(requestId, role, approve, actor, comment, now);
        List<ApprovalRecord> after = approvals.forRequest(requestId);
        RequestState next = RequestState.PENDING_APPROVAL;
        if (!approve) {
            next = RequestState.REJECTED;
            ledger.release(requestId);
        } else if (after.stream().filter(ApprovalRecord::approved).map(ApprovalRecord::role).toList()
                .containsAll(required(request))) {
            next = RequestState.APPROVED;
        }
        if (next != RequestState.PENDING_APPROVAL) {
            requests.transition(requestId, RequestState.PENDING_APPROVAL, next, null, null, now);
        }
        return new Result(request, next, role, after);
    }

    /**
     * Four eyes: whoever gave one verdict on a request (holding both APPROVER and FINANCE, say) cannot give the other.
     */
    public static void requireAnotherPerson(String requestId, List<ApprovalRecord> given, String actor) {
        for (ApprovalRecord verdict : given) {
            if (verdict.decidedBy().equals(actor)) {
                throw new ApprovalConflict("You gave the " + verdict.role() + " verdict on request " + requestId
                        + " already; the other verdict must come from another person");
            }
        }
    }

    private static String describe(List<ApprovalRecord> given) {
        if (given.isEmpty()) {
            return "";
        }
        return " (" + String.join(", ", given.stream().map(a -> a.role() + " " + (a.approved() ? "approved" : "rejected")
                + " by " + a.decidedBy()).toList()) + ")";
    }
}
