package dev.burnrate.portal.provisioning;

import static dev.burnrate.portal.db.Tables.PROVISIONING_REQUESTS;

import dev.burnrate.engine.policy.budget.BudgetLedger;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jooq.Condition;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Provisioning requests after submit, for clients that track them (the REST API): one request, a page of them, and
 * cancelling one that still waits for approval. A user sees their own requests and their teams' (ADMIN and FINANCE
 * all teams'); a request the user may not see is reported as absent, so ids cannot be probed.
 */
@Service
public class RequestLifecycle {

    private final RequestRepository requests;
    private final ResourceRepository resources;
    private final BudgetLedger ledger;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public RequestLifecycle(RequestRepository requests, ResourceRepository resources, BudgetLedger ledger,
                            AuditService audit, CurrentUser currentUser, Clock clock) {
        this.requests = requests;
        this.resources = resources;
        this.ledger = ledger;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The request with the state of its resource, if the user may see it. */
    @RolesAllowed({Role.Names.ENGINEER, Role.Names.APPROVER, Role.Names.ADMIN, Role.Names.FINANCE})
    @Transactional(readOnly = true)
    public Optional<MyRequest> find(String requestId) {
        return requests.find(PROVISIONING_REQUESTS.ID.eq(requestId).and(visible()), 1).stream().findFirst()
                .map(this::withResourceState);
    }

    /** One page of the requests the user may see, newest first. */
    @RolesAllowed({Role.Names.ENGINEER, Role.Names.APPROVER, Role.Names.ADMIN, Role.Names.FINANCE})
    @Transactional(readOnly = true)
    public List<MyRequest> page(int offset, int limit) {
        List<StoredRequest> page = requests.findPage(visible(), offset, limit);
        var states = resources.states(page.stream().map(StoredRequest::id).toList());
        return page.stream().map(r -> new MyRequest(r, states.get(r.id()))).toList();
    }

    @RolesAllowed({Role.Names.ENGINEER, Role.Names.APPROVER, Role.Names.ADMIN, Role.Names.FINANCE})
    @Transactional(readOnly = true)
    public int count() {
        return requests.count(visible());
    }

    /**
     * Withdraws a request that waits for approval: it becomes CANCELLED and its budget reservation is freed, in one
     * transaction with the audit entry. Only its requester or an administrator may; any other state is a conflict.
     *
     * @throws NoSuchElementException when the user may not see the request
     */
    @RolesAllowed({Role.Names.ENGINEER, Role.Names.APPROVER, Role.Names.ADMIN})
    @Transactional
    public MyRequest cancel(String requestId) {
        StoredRequest visible = find(requestId).map(MyRequest::request)
                .orElseThrow(() -> new NoSuchElementException("No request " + requestId));
        if (!visible.requestedBy().equals(currentUser.requireUsername()) && !currentUser.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("Only the requester or an administrator can cancel " + requestId);
        }
        StoredRequest locked = requests.lock(requestId).orElseThrow();
        if (locked.state() != RequestState.PENDING_APPROVAL) {
            throw new ApprovalConflict("Request " + requestId + " is " + locked.state().name().toLowerCase()
                    .replace('_', ' ') + "; only a request waiting for approval can be cancelled");
        }
        requests.transition(requestId, RequestState.PENDING_APPROVAL, RequestState.CANCELLED,
                "cancelled by " + currentUser.actor(), null, clock.instant());
        ledger.release(requestId);
        audit.record("provisioning.cancel", "request:" + requestId, Map.of("state", locked.state().name()),
                Map.of("state", RequestState.CANCELLED.name()));
        return find(requestId).orElseThrow();
    }

    private MyRequest withResourceState(StoredRequest request) {
        return new MyRequest(request, resources.states(List.of(request.id())).get(request.id()));
    }

    /** The user's own requests and those of teams the user may see. */
    private Condition visible() {
        return PROVISIONING_REQUESTS.REQUESTED_BY.eq(currentUser.requireUsername())
                .or(currentUser.teamScope(PROVISIONING_REQUESTS.TEAM_ID));
    }
}
