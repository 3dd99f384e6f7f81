package dev.burnrate.portal.provisioning;

import dev.burnrate.engine.policy.ApproverRole;
import dev.burnrate.engine.policy.PolicyEvaluator;
import dev.burnrate.engine.policy.budget.BudgetCheck;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.metrics.RequestOutcomeMetrics;
import dev.burnrate.portal.budget.BudgetFigures;
import dev.burnrate.portal.notification.NotificationService;
import dev.burnrate.portal.policy.ActivePolicies;
import dev.burnrate.portal.policy.DecisionLog;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The approval queue: APPROVER decides for requests of their teams, FINANCE for requests a budget sent to them.
 * A verdict, its audit entry and the requester's notification commit together; an approved request is then handed
 * to the provider. The two verdicts of a two-step approval must come from two people. An ADMIN may give the verdict
 * a request still lacks, to unblock it (never on their own request); the audit entry says so.
 */
@Service
public class ApprovalService {

    /** The most requests one page may hold. */
    public static final int MAX_PAGE = 500;

    private final RequestRepository requests;
    private final ApprovalWorkflow workflow;
    private final ApprovalRepository approvals;
    private final DecisionLog decisions;
    private final ProviderCatalog catalog;
    private final ActivePolicies policies;
    private final PolicyEvaluator evaluator;
    private final BudgetFigures budgets;
    private final HandOvers executor;
    private final AuditService audit;
    private final NotificationService notifications;
    private final CurrentUser currentUser;
    private final TransactionTemplate tx;
    private final NextStep nextStep;
    private final RequestOutcomeMetrics outcomes;

    public ApprovalService(RequestRepository requests, ApprovalWorkflow workflow, ApprovalRepository approvals,
                           DecisionLog decisions, ProviderCatalog catalog, ActivePolicies policies,
                           PolicyEvaluator evaluator, BudgetFigures budgets, HandOvers executor,
                           AuditService audit, NotificationService notifications, CurrentUser currentUser,
                           TransactionTemplate tx, NextStep nextStep, RequestOutcomeMetrics outcomes) {
        this.requests = requests;
        this.workflow = workflow;
        this.approvals = approvals;
        this.decisions = decisions;
        this.catalog = catalog;
        this.policies = policies;
        this.evaluator = evaluator;
        this.budgets = budgets;
        this.executor = executor;
        this.audit = audit;
        this.notifications = notifications;
        this.currentUser = currentUser;
        this.tx = tx;
        this.nextStep = nextStep;
        this.outcomes = outcomes;
    }

    /**
     * A page of the requests waiting for a verdict the current user may give, scoped and paged by the database
     * (see {@link ApprovalQueueScope}), newest first.
     */
    @RolesAllowed({Role.Names.APPROVER, Role.Names.FINANCE, Role.Names.ADMIN})
    public ApprovalQueuePage queue(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("A queue page needs offset >= 0 and 1 to " + MAX_PAGE
                    + " requests (got offset " + offset + ", limit " + limit + ")");
        }
        String user = currentUser.requireUsername();
        var scope = ApprovalQueueScope.forUser(user, currentUser.hasRole(Role.APPROVER),
                currentUser.hasRole(Role.FINANCE), currentUser.hasRole(Role.ADMIN));
        return tx.execute(status -> {
            List<PendingApproval> items = new ArrayList<>();
            for (StoredRequest request : requests.findPage(scope, offset, limit)) {
                List<ApprovalRecord> given = approvals.forRequest(request.id());
                ApproverRole role = actingRole(request, given);
                if (role != null) {
                    items.add(new PendingApproval(request, decisions.findById(request.decisionId()).orElse(null),
                            budgetsNow(request), given, role));
                }
            }
            return new ApprovalQueuePage(items, offset, requests.count(scope));
        });
    }

    @RolesAllowed({Role.Names.APPROVER, Role.Names.FINANCE, Role.Names.ADMIN})
    public StoredRequest approve(String requestId, String comment) {
        return decide(requestId, true, comment);
    }

    @RolesAllowed({Role.Names.APPROVER, Role.Names.FINANCE, Role.Names.ADMIN})
    public StoredRequest reject(String requestId, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new ApprovalConflict("Say why you reject the request");
        }
        return decide(requestId, false, comment);
    }

    private StoredRequest decide(String requestId, boolean approve, String comment) {
        String actor = currentUser.requireUsername();
        ApprovalWorkflow.Result result = tx.execute(status -> {
            StoredRequest request = requests.find(requestId)
                    .orElseThrow(() -> new ApprovalConflict("No request " + requestId));
            List<ApprovalRecord> given = approvals.forRequest(requestId);
            if (request.state() == RequestState.PENDING_APPROVAL) {
                ApprovalWorkflow.requireAnotherPerson(requestId, given, actor);
            }
            ApproverRole role = actingRole(request, given);
            if (role == null) {
                throw new ApprovalConflict("You cannot decide on request " + requestId + " (not your team or role,"
                        + " or decided already)");
            }
            ApprovalWorkflow.Result decided = workflow.decide(requestId, role, approve, actor, blankToNull(comment));
            outcomes.decided(RequestOutcomeMetrics.Stage.APPROVAL, approve ? "approved" : "rejected");
            audit.record(approve ? "approval.approve" : "approval.reject", "request:" + requestId,
                    Map.of("state", RequestState.PENDING_APPROVAL.name()),
                    Map.of("state", decided.state().name(), "role", role.name(), "comment",
                            comment == null ? "" : comment, "as", asAdmin(request, given) ? "ADMIN" : role.name()));
            if (decided.state() == RequestState.PENDING_APPROVAL) {
                // Half approved: the requester learns whose verdict it now waits for.
                notifications.send(List.of(request.requestedBy()), "approval",
                        "Approved by " + role.name().toLowerCase() + ": " + request.name(), actor + " approved "
                                + request.describe() + "; it " + nextStep.describe(requests.find(requestId)
                                .orElseThrow()), "provision", null);
            } else {
                notifications.send(List.of(request.requestedBy()), "approval",
                        (approve ? "Approved: " : "Rejected: ") + request.name(),
                        actor + (approve ? " approved " : " rejected ") + request.describe()
                                + (comment == null || comment.isBlank() ? "." : ": " + comment), "provision", null);
            }
            return decided;
        });
        if (result.state() == RequestState.APPROVED) {
            executor.start(requestId);
        }
        return requests.find(requestId).orElseThrow();
    }

    /**
     * Who acts next on a request, e.g. that it now waits for finance's approval and who can give it, for the toast
     * after a verdict.
     */
    @RolesAllowed({Role.Names.APPROVER, Role.Names.FINANCE, Role.Names.ADMIN})
    public String nextStep(String requestId) {
        return tx.execute(status -> {
            StoredRequest request = requests.find(requestId)
                    .orElseThrow(() -> new ApprovalConflict("No request " + requestId));
            currentUser.checkTeamAccess(request.teamId());
            return nextStep.describe(request);
        });
    }

    /** Whether the current user decides on a request only because they are an admin. */
    private boolean asAdmin(StoredRequest request, List<ApprovalRecord> given) {
        return currentUser.hasRole(Role.ADMIN) && actingRole(request, given, false) == null;
    }

    /** The role the current user may decide for on a request, or null (the Java twin of ApprovalQueueScope). */
    private ApproverRole actingRole(StoredRequest request, List<ApprovalRecord> given) {
        return actingRole(request, given, currentUser.hasRole(Role.ADMIN));
    }

    private ApproverRole actingRole(StoredRequest request, List<ApprovalRecord> given, boolean admin) {
        String actor = currentUser.actor();
        if (request.requestedBy().equals(actor) || given.stream().anyMatch(a -> a.decidedBy().equals(actor))) {
            return null;
        }
        Set<ApproverRole> done = given.stream().map(ApprovalRecord::role)
                .collect(java.util.stream.Collectors.toSet());
        if (currentUser.hasRole(Role.APPROVER) && !done.contains(ApproverRole.APPROVER)
                && currentUser.teamIds().contains(request.teamId())) {
            return ApproverRole.APPROVER;
        }
        if (currentUser.hasRole(Role.FINANCE) && request.needsFinance() && !done.contains(ApproverRole.FINANCE)) {
            return ApproverRole.FINANCE;
        }
        if (admin) {
            // An admin unblocks a request by giving the verdict it still lacks, the team's approver's first.
            return ApprovalWorkflow.required(request).stream().filter(r -> !done.contains(r)).findFirst().orElse(null);
        }
        return null;
    }

    private List<BudgetCheck> budgetsNow(StoredRequest request) {
        var region = catalog.region(request.providerId(), request.regionId());
        var offering = catalog.offering(request.providerId(), request.regionId(), request.instanceType());
        if (region.isEmpty() || offering.isEmpty()) {
            return List.of();
        }
        var input = PolicyInputs.of(request.id(), request.draft(), region.get(), offering.get(), request.estimate());
        // Today's figures already include this request's own reservation, so judge it with no extra cost.
        return evaluator.evaluate(policies.load(), input, budgets).budgets().stream()
                .map(c -> new BudgetCheck(c.key(), c.periodLabel(), c.amount(), c.status(), 0,
                        c.total() - c.requestCost(), c.projected() - c.requestCost(), List.of())).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
