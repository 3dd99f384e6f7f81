package dev.burnrate.portal.provisioning;

import dev.burnrate.api.Offering;
import dev.burnrate.api.Region;
import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.PolicyEvaluator;
import dev.burnrate.engine.policy.PolicyInput;
import dev.burnrate.portal.budget.BudgetFigures;
import dev.burnrate.portal.db.Tables;
import dev.burnrate.portal.policy.ActivePolicies;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.user.Team;
import dev.burnrate.portal.user.UserService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-service provisioning for the /provision view: the catalog for the form, the live preview, and submit.
 * Submit is idempotent on the request id the form generates: a double click or a retry returns the first request.
 */
@Service
public class ProvisioningService {

    private final ProviderCatalog catalog;
    private final DraftValidator validator;
    private final CostEstimator estimator;
    private final ActivePolicies policies;
    private final PolicyEvaluator evaluator;
    private final BudgetFigures budgets;
    private final RequestIntake intake;
    private final dev.burnrate.portal.policy.DecisionLog decisions;
    private final RequestRepository requests;
    private final HandOvers executor;
    private final UserService users;
    private final CurrentUser currentUser;
    private final NextStep nextStep;
    private final ResourceRepository resources;
    private final ProvisionDefaults defaults;
    private final CapacityPlanner capacity;

    public ProvisioningService(ProviderCatalog catalog, DraftValidator validator, CostEstimator estimator,
                               ActivePolicies policies, PolicyEvaluator evaluator, BudgetFigures budgets,
                               RequestIntake intake, RequestRepository requests, HandOvers executor,
                               UserService users, CurrentUser currentUser,
                               dev.burnrate.portal.policy.DecisionLog decisions, NextStep nextStep,
                               ResourceRepository resources, ProvisionDefaults defaults, CapacityPlanner capacity) {
        this.capacity = capacity;
        this.decisions = decisions;
        this.defaults = defaults;
        this.resources = resources;
        this.nextStep = nextStep;
        this.catalog = catalog;
        this.validator = validator;
        this.estimator = estimator;
        this.policies = policies;
        this.evaluator = evaluator;
        this.budgets = budgets;
        this.intake = intake;
        this.requests = requests;
        this.executor = executor;
        this.users = users;
        this.currentUser = currentUser;
    }

    @RolesAllowed({Role.Names.ENGINEER, Role.Names.APPROVER, Role.Names.ADMIN})
    @Transactional(readOnly = true)
    public List<Team> myTeams() {
        List<Team> all = users.findTeams();
        if (currentUser.hasRole(Role.ADMIN)) {
            return all;
        }
        var mine = currentUser.teamIds();
        return all.stream().filter(t -> mine.contains(t.id())).toList();
    }

    @RolesAllowed({Role.Names.ENGINEER, Role.Names.APPROVER, Role.Names.ADMIN})
    public List<ProviderCatalog.ProviderOption> providers() {
        return catalog.providers();
    }

    @RolesAllowed({Role.Names.ENGINEER, Role.Names.APPROVER, Role.Names.ADMIN})
    public List<Region> regions(String providerId) {
        return catalog.regions(providerId);
    }

    @RolesAllowed({Role.Names.ENGINEER, Role.Names.APPROVER, Role.Names.ADMIN})
    public List<Offering> offerings(String providerId, String regionId, Template template) {
        return catalog.offerings(providerId, regionId, template);
    }

    /** The region a new request of the team starts in, among the provider's regions offered (ProvisionDefaults). */
    @RolesAllowed({Role.Names.ENGINEER, Role.Names.APPROVER, Role.Names.ADMIN})
    @Transactional(readOnly = true)
    public Optional<Region> defaultRegion(String providerId, String team, List<Region> offered) {
        return defaults.region(providerId, usableTeamId(team), offered);
    }

    /** The tags the policies require, with the values the team used last (ProvisionDefaults). */
    @RolesAllowed({Role.Names.ENGINEER, Role.Names.APPROVER, Role.Names.ADMIN})
    @Transactional(readOnly = true)
    public Map<String, String> defaultTags(String team) {
        return defaults.tags(team, usableTeamId(team));
    }

    /** The id of a team the user may request for, or null (no history of other teams is read). */
    private Long usableTeamId(String team) {
        return team == null ? null : myTeams().stream().filter(t -> t.name().equals(team)).findFirst()
                .map(Team::id).orElse(null);
    }

    /** The estimate and what the policies would decide for the form as it is now; stores nothing. */
    @RolesAllowed({Role.Names.ENGINEER, Role.Names.APPROVER, Role.Names.ADMIN})
    @Transactional(readOnly = true)
    public Preview preview(RequestDraft draft) {
        DraftValidator.Resolved resolved = validator.validate(draft);
        teamId(draft.team());
        Placed placed = place(draft, resolved);
        Estimate estimate = estimate(placed.draft(), placed.resolved());
        PolicyInput input = PolicyInputs.of("preview", placed.draft(), placed.resolved().region(),
                placed.resolved().offering(), estimate);
        Decision decision = evaluator.evaluate(policies.load(), input, budgets);
        return new Preview(estimate, decision, placed.note());
    }

    /** A draft where it will be provisioned, with a sentence for the user when it moved (else null). */
    private record Placed(RequestDraft draft, DraftValidator.Resolved resolved, String note) {
    }

    /**
     * Where a draft can be provisioned now: where it asks when the provider has it, else the next available
     * offering of the same hardware the policies do not deny (the request's own decision then judges it in full).
     *
     * @throws DraftInvalid when it cannot be had and nothing can stand in for it
     */
    private Placed place(RequestDraft draft, DraftValidator.Resolved resolved) {
        var provider = catalog.provider(draft.providerId()).orElseThrow();
        CapacityPlanner.Plan plan = capacity.plan(provider, draft.template(), draft.purchaseOption(),
                new CapacityPlanner.Placement(resolved.region(), resolved.offering()),
                candidate -> notDenied(draft.placedAt(candidate.region().id(), candidate.offering().instanceType()),
                        candidate));
        if (plan.use().isEmpty()) {
            throw new DraftInvalid(List.of(new DraftInvalid.FieldError("offering", plan.note())));
        }
        if (!plan.failedOver()) {
            return new Placed(draft, resolved, null);
        }
        CapacityPlanner.Placement use = plan.use().get();
        return new Placed(draft.placedAt(use.region().id(), use.offering().instanceType()),
                new DraftValidator.Resolved(use.region(), use.offering()), plan.note());
    }

    private boolean notDenied(RequestDraft moved, CapacityPlanner.Placement at) {
        Estimate estimate = estimate(moved, new DraftValidator.Resolved(at.region(), at.offering()));
        PolicyInput input = PolicyInputs.of("preview", moved, at.region(), at.offering(), estimate);
        return evaluator.evaluate(policies.load(), input, budgets).outcome()
                != dev.burnrate.engine.policy.Outcome.DENY;
    }

    /**
     * Submits a request: decided, stored and (when allowed) handed to the provider. Submitting the same id again
     * returns the stored request without deciding or provisioning twice.
     */
    @RolesAllowed({Role.Names.ENGINEER, Role.Names.APPROVER, Role.Names.ADMIN})
    public StoredRequest submit(String requestId, RequestDraft draft) {
        if (requestId == null || !requestId.matches("[A-Za-z0-9-]{8,64}")) {
            throw new DraftInvalid(List.of(new DraftInvalid.FieldError("requestId", "Missing request id")));
        }
        String actor = currentUser.requireUsername();
        Optional<StoredRequest> existing = requests.find(requestId);
        if (existing.isPresent()) {
            return sameRequest(existing.get(), draft, actor);
        }
        DraftValidator.Resolved resolved = validator.validate(draft);
        long teamId = teamId(draft.team());
        Placed placed = place(draft, resolved);
        Estimate estimate = estimate(placed.draft(), placed.resolved());
        StoredRequest stored;
        try {
            stored = intake.intake(requestId, teamId, actor, placed.draft(), placed.resolved(), estimate);
        } catch (DataIntegrityViolationException | IntegrityConstraintViolationException duplicate) {
            // the same id was submitted concurrently and the other submit won: answer with its request
            return sameRequest(requests.find(requestId).orElseThrow(() -> duplicate), draft, actor);
        }
        if (stored.state() == RequestState.APPROVED) {
            executor.start(requestId);
        }
        return requests.find(requestId).orElseThrow();
    }

    /** Why a request was decided as it was: the deciding violations' messages (FINANCE reads them via the API). */
    @RolesAllowed({Role.Names.ENGINEER, Role.Names.APPROVER, Role.Names.ADMIN, Role.Names.FINANCE})
    @Transactional(readOnly = true)
    public String reasons(String requestId) {
        StoredRequest request = requests.find(requestId).orElseThrow();
        if (!request.requestedBy().equals(currentUser.actor())) {
            currentUser.checkTeamAccess(request.teamId());
        }
        return request.decisionId() == null ? "" : decisions.findById(request.decisionId())
                .map(d -> d.violations().stream().filter(v -> request.outcome().equals(v.get("outcome")))
                        .map(v -> String.valueOf(v.get("message"))).collect(java.util.stream.Collectors.joining(" ")))
                .orElse("");
    }

    /** Who acts next on a request: e.g. whose approval it waits for and who can give it. */
    @RolesAllowed({Role.Names.ENGINEER, Role.Names.APPROVER, Role.Names.ADMIN})
    @Transactional(readOnly = true)
    public String nextStep(String requestId) {
        StoredRequest request = requests.find(requestId).orElseThrow();
        if (!request.requestedBy().equals(currentUser.actor())) {
            currentUser.checkTeamAccess(request.teamId());
        }
        return nextStep.describe(request);
    }

    /** The user's own requests, newest first, each with the state of the resource it created. */
    @RolesAllowed({Role.Names.ENGINEER, Role.Names.APPROVER, Role.Names.ADMIN})
    @Transactional(readOnly = true)
    public List<MyRequest> myRequests() {
        List<StoredRequest> mine = requests.find(Tables.PROVISIONING_REQUESTS.REQUESTED_BY
                .eq(currentUser.requireUsername()), 50);
        var states = resources.states(mine.stream().map(StoredRequest::id).toList());
        return mine.stream().map(r -> new MyRequest(r, states.get(r.id()))).toList();
    }

    private StoredRequest sameRequest(StoredRequest stored, RequestDraft draft, String actor) {
        // a request that failed over to another offering (capacity) is stored where it went
        boolean same = stored.draft().equals(draft)
                || stored.draft().equals(draft.placedAt(stored.regionId(), stored.instanceType()));
        if (!stored.requestedBy().equals(actor) || !same) {
            throw new DraftInvalid(List.of(new DraftInvalid.FieldError("requestId",
                    "This request id was already used for a different request; reload the form")));
        }
        return stored;
    }

    private Estimate estimate(RequestDraft draft, DraftValidator.Resolved resolved) {
        return estimator.estimate(resolved.offering(), draft.count(), draft.purchaseOption(), draft.durationHours(),
                draft.checkpointing());
    }

    private long teamId(String teamName) {
        return myTeams().stream().filter(t -> t.name().equals(teamName)).findFirst()
                .orElseThrow(() -> new AccessDeniedException("You cannot request resources for team " + teamName))
                .id();
    }
}
