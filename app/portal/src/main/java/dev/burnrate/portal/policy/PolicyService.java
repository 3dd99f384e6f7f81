package dev.burnrate.portal.policy;

import static dev.burnrate.portal.db.Tables.POLICY_DECISIONS;
import static dev.burnrate.portal.db.Tables.TEAMS;

import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.Outcome;
import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.PolicyEvaluator;
import dev.burnrate.engine.policy.PolicyInput;
import dev.burnrate.engine.policy.RuleType;
import dev.burnrate.engine.policy.budget.BudgetStatusProvider;
import dev.burnrate.engine.policy.continuous.Alert;
import dev.burnrate.engine.policy.continuous.ContinuousEvaluator;
import dev.burnrate.engine.policy.schema.PolicyError;
import dev.burnrate.engine.policy.schema.PolicyParser;
import dev.burnrate.engine.policy.schema.PolicyValidationException;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Policies for the Policies view: everyone reads, ADMIN saves new versions (validated whole, audited), enables and
 * disables, and dry-runs drafts against a stored request or the running inventory.
 */
@Service
public class PolicyService {

    private final PolicyRepository repository;
    private final PolicyParser parser;
    private final PluginRuleTypeRegistry registry;
    private final PolicyEvaluator evaluator;
    private final ContinuousEvaluator continuous;
    private final DecisionLog decisions;
    private final PolicySubjects subjects;
    private final BudgetStatusProvider budgets;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final DSLContext dsl;
    private final Clock clock;

    public PolicyService(PolicyRepository repository, PolicyParser parser, PluginRuleTypeRegistry registry,
                         PolicyEvaluator evaluator, ContinuousEvaluator continuous, DecisionLog decisions,
                         PolicySubjects subjects, BudgetStatusProvider budgets, AuditService audit,
                         CurrentUser currentUser, DSLContext dsl, Clock clock) {
        this.repository = repository;
        this.parser = parser;
        this.registry = registry;
        this.evaluator = evaluator;
        this.continuous = continuous;
        this.decisions = decisions;
        this.subjects = subjects;
        this.budgets = budgets;
        this.audit = audit;
        this.currentUser = currentUser;
        this.dsl = dsl;
        this.clock = clock;
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<StoredPolicy> list() {
        return repository.findAll();
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Optional<StoredPolicy> get(String id) {
        return repository.find(id);
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<PolicyVersionSummary> versions(String id) {
        return repository.versions(id);
    }

    /** The rule types usable now (built-in and the started plugins'), with their schemas, for the reference tab. */
    @PermitAll
    public List<RuleType> ruleTypes() {
        return registry.get().types();
    }

    /** Why a started plugin's rule type is left out (e.g. its name is taken), for the reference tab. */
    @PermitAll
    public List<String> ruleTypeProblems() {
        return registry.problems();
    }

    /** Checks a draft without saving it; an empty list means it would be accepted. */
    @PermitAll
    public List<PolicyError> validate(String yaml) {
        try {
            parser.parse(yaml, 0);
            return List.of();
        } catch (PolicyValidationException e) {
            return e.errors();
        }
    }

    /**
     * Saves a new version. For an existing policy ({@code policyId} not null) the YAML's id must stay the same; a
     * new policy's id must be free. Refused whole with every error when the YAML does not validate.
     */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public StoredPolicy save(String policyId, String yaml, String comment) {
        Policy draft = parse(yaml);
        Instant now = clock.instant();
        String actor = currentUser.actor();
        Optional<StoredPolicy> before = policyId == null ? Optional.empty() : repository.find(policyId);
        int version;
        if (policyId == null) {
            if (repository.find(draft.id()).isPresent()) {
                throw refusal("a policy with the id '" + draft.id() + "' exists; open it to add a version");
            }
            repository.insertPolicy(draft.id(), now, actor);
            version = 1;
        } else {
            if (!draft.id().equals(policyId)) {
                throw refusal("the id cannot change: this is policy '" + policyId + "' but the YAML says '"
                        + draft.id() + "'");
            }
            int current = repository.lockCurrentVersion(policyId)
                    .orElseThrow(() -> refusal("no policy '" + policyId + "'"));
            version = current + 1;
        }
        repository.insertVersion(draft.withVersion(version), blankToNull(comment), now, actor);
        StoredPolicy saved = repository.find(draft.id()).orElseThrow();
        audit.record(before.isEmpty() ? "policy.create" : "policy.update", "policy:" + saved.id(),
                before.map(PolicyService::auditView).orElse(null), auditView(saved));
        return saved;
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public StoredPolicy setEnabled(String id, boolean enabled) {
        StoredPolicy before = repository.find(id).orElseThrow(() -> refusal("no policy '" + id + "'"));
        repository.setEnabled(id, enabled, clock.instant(), currentUser.actor());
        StoredPolicy after = repository.find(id).orElseThrow();
        audit.record(enabled ? "policy.enable" : "policy.disable", "policy:" + id, auditView(before), auditView(after));
        return after;
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional(readOnly = true)
    public List<PolicySubjects.SubjectOption> dryRunSubjects(String search, int offset, int limit) {
        return subjects.requests(search == null ? "" : search.strip(), offset, Math.min(limit, 200));
    }

    /** The draft's decision for a stored request, logged as a dry run. */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public DryRunResult dryRunRequest(String yaml, String requestId) {
        Policy draft = parse(yaml);
        PolicyInput input = subjects.request(requestId)
                .orElseThrow(() -> refusal("request '" + requestId + "' cannot be loaded as a policy input"));
        Decision decision = evaluator.evaluate(List.of(draft), input, budgets);
        decisions.record(DecisionKind.DRY_RUN, requestId, input.team(), currentUser.actor(), decision, input,
                clock.instant());
        return new DryRunResult(requestId, decision.outcome().name(), decision.violations().stream()
                .map(v -> new DryRunResult.Finding(v.resource(), v.outcome().name(), v.ruleId(), v.message(),
                        v.evidence())).toList());
    }

    /** What the draft would raise about the running inventory and the budgets now. */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional(readOnly = true)
    public DryRunResult dryRunInventory(String yaml) {
        Policy draft = parse(yaml);
        List<Alert> alerts = continuous.scan(List.of(draft), subjects.inventory(), budgets, Set.of()).newAlerts();
        Outcome worst = alerts.stream().map(Alert::severity).reduce(Outcome.ALLOW, Outcome::mostSevere);
        return new DryRunResult("inventory", worst.name(), alerts.stream()
                .map(a -> new DryRunResult.Finding(a.resource(), a.severity().name(), a.ruleId(), a.message(),
                        a.evidence())).toList());
    }

    /** Decisions involving a policy (or all when null), limited to the teams the user may see. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<DecisionRecord> decisions(String policyId, int offset, int limit) {
        return decisions.find(policyId, visibleDecisions(), offset, limit);
    }

    @PermitAll
    @Transactional(readOnly = true)
    public int countDecisions(String policyId) {
        return decisions.count(policyId, visibleDecisions());
    }

    private Condition visibleDecisions() {
        if (currentUser.seesAllTeams()) {
            return DSL.trueCondition();
        }
        return POLICY_DECISIONS.TEAM.in(DSL.select(TEAMS.NAME).from(TEAMS).where(currentUser.teamScope(TEAMS.ID)));
    }

    private Policy parse(String yaml) {
        try {
            return parser.parse(yaml, 0);
        } catch (PolicyValidationException e) {
            throw new PolicyValidationFailed(e.errors());
        }
    }

    private static PolicyValidationFailed refusal(String message) {
        return new PolicyValidationFailed(List.of(new PolicyError(1, 1, "id", message)));
    }

    private static Map<String, Object> auditView(StoredPolicy p) {
        return Map.of("id", p.id(), "version", p.version(), "name", p.name(), "mode", p.mode(), "enabled",
                p.enabled(), "source", p.source());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
