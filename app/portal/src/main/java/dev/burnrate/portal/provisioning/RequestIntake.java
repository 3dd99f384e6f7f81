package dev.burnrate.portal.provisioning;

import dev.burnrate.engine.policy.ApproverRole;
import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.PolicyInput;
import dev.burnrate.engine.policy.budget.BudgetReservations;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.metrics.RequestOutcomeMetrics;
import dev.burnrate.portal.notification.NotificationService;
import dev.burnrate.portal.policy.ActivePolicies;
import dev.burnrate.portal.policy.DecisionKind;
import dev.burnrate.portal.policy.DecisionLog;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a validated request in one transaction: the final policy decision with budget reservations (budget
 * accounts locked), the decision log entry, the stored request, its audit entry and the approvers' notifications.
 * Either all of it commits or none: a second submit of the same request id fails on the primary key and rolls its
 * reservation back with it.
 */
@Component
class RequestIntake {

    private final ActivePolicies policies;
    private final BudgetReservations reservations;
    private final DecisionLog decisions;
    private final RequestRepository requests;
    private final AuditService audit;
    private final NotificationService notifications;
    private final Clock clock;
    private final RequestOutcomeMetrics outcomes;

    RequestIntake(ActivePolicies policies, BudgetReservations reservations, DecisionLog decisions,
                  RequestRepository requests, AuditService audit, NotificationService notifications, Clock clock,
                  RequestOutcomeMetrics outcomes) {
        this.policies = policies;
        this.reservations = reservations;
        this.decisions = decisions;
        this.requests = requests;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
        this.outcomes = outcomes;
    }

    @Transactional
    public StoredRequest intake(String requestId, long teamId, String actor, RequestDraft draft,
                                DraftValidator.Resolved resolved, Estimate estimate) {
        Instant now = clock.instant();
        PolicyInput input = PolicyInputs.of(requestId, draft, resolved.region(), resolved.offering(), estimate);
        Decision decision = reservations.decideAndReserve(requestId, policies.load(), input);
        long decisionId = decisions.record(DecisionKind.REQUEST, requestId, draft.team(), actor, decision, input, now);
        RequestState state = switch (decision.outcome()) {
            case DENY -> RequestState.DENIED;
            case REQUIRE_APPROVAL -> RequestState.PENDING_APPROVAL;
            case ALLOW, WARN -> RequestState.APPROVED;
        };
        boolean finance = decision.approverRoles().contains(ApproverRole.FINANCE);
        requests.insert(requestId, teamId, actor, draft, estimate, decision.outcome().name(), state, finance,
                decisionId, now);
        StoredRequest stored = requests.find(requestId).orElseThrow();
        audit.record("provisioning.submit", "request:" + requestId, null, auditView(stored));
        outcomes.decided(RequestOutcomeMetrics.Stage.POLICY, state.name());
        if (state == RequestState.PENDING_APPROVAL) {
            notifications.send(notifications.approvers(teamId, finance), "approval",
                    "Approval needed: " + stored.name(),
                    actor + " asks for " + stored.describe() + " for team " + stored.team() + ". "
                            + decision.reasons().getFirst().message(), "approvals", null);
        }
        return stored;
    }

    static Map<String, Object> auditView(StoredRequest r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("team", r.team());
        view.put("what", r.describe());
        view.put("purchaseOption", r.purchaseOption().name());
        view.put("hourlyCost", r.hourlyCost());
        view.put("expectedTotal", r.expectedTotal());
        view.put("currency", r.estimateCurrency());
        view.put("outcome", r.outcome());
        view.put("state", r.state().name());
        view.put("decisionId", r.decisionId());
        return view;
    }
}
