package dev.burnrate.portal.budget.plan;

import static dev.burnrate.portal.db.Tables.TEAMS;
import static dev.burnrate.portal.db.Tables.TEAM_MEMBERS;
import static dev.burnrate.portal.db.Tables.USERS;

import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.currency.ExchangeRateRepository;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Budgets as plans, the one source of truth for what each budget allows per period. FINANCE and ADMIN create,
 * edit and delete them; everyone reads the budgets of their teams (and those they own), FINANCE and ADMIN all of
 * them. Every change is validated whole (a message per field), made in one transaction, checked against the
 * version the editor started from, and audited with before and after.
 */
@Service
public class BudgetPlanService {

    private static final String WRITERS_ADMIN = Role.Names.ADMIN;
    private static final String WRITERS_FINANCE = Role.Names.FINANCE;

    private final BudgetPlanRepository repository;
    private final DSLContext dsl;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final TransactionTemplate tx;
    private final ScopeCurrencies scopeCurrencies;
    private final ExchangeRateRepository rates;
    private final ForecastPlans forecasts;
    private final List<PeriodLocks> locks;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PlanReferences references;

    public BudgetPlanService(BudgetPlanRepository repository, DSLContext dsl, AuditService audit,
                             CurrentUser currentUser, TransactionTemplate tx, ScopeCurrencies scopeCurrencies,
                             ExchangeRateRepository rates, ForecastPlans forecasts, List<PeriodLocks> locks,
                             ApplicationEventPublisher events, Clock clock, PlanReferences references) {
        this.references = references;
        this.repository = repository;
        this.dsl = dsl;
        this.audit = audit;
        this.currentUser = currentUser;
        this.tx = tx;
        this.scopeCurrencies = scopeCurrencies;
        this.rates = rates;
        this.forecasts = forecasts;
        this.locks = List.copyOf(locks);
        this.events = events;
        this.clock = clock;
    }

    /** The budgets the user may see: all for FINANCE and ADMIN; else those of their teams and those they own. */
    @PermitAll
    public List<BudgetPlan> visible() {
        List<BudgetPlan> all = repository.findAll();
        if (currentUser.seesAllTeams()) {
            return all;
        }
        String me = currentUser.username().orElse("");
        Set<String> teams = Set.copyOf(dsl.select(TEAMS.NAME).from(TEAMS).join(TEAM_MEMBERS)
                .on(TEAM_MEMBERS.TEAM_ID.eq(TEAMS.ID)).join(USERS).on(USERS.ID.eq(TEAM_MEMBERS.USER_ID))
                .where(USERS.USERNAME.eq(me)).fetch(TEAMS.NAME));
        return all.stream().filter(p -> p.owner().equals(me)
                || p.scope().kind() == BudgetScope.Kind.TEAM && teams.contains(p.scope().value())).toList();
    }

    /** One budget, if the user may see it. */
    @PermitAll
    public Optional<BudgetPlan> find(String id) {
        return visible().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The planned amount of the budget's period containing {@code day}; empty without a plan for it. */
    @PermitAll
    public Optional<BigDecimal> amountFor(String id, LocalDate day) {
        return find(id).flatMap(p -> p.amountFor(p.granularity().periodStart(day)));
    }

    /** The visible budgets in tree order, each with the sum of its children's plans per period. */
    @PermitAll
    public List<PlanRollUp> rollUp() {
        return PlanRollUp.of(visible());
    }

    /** Whether the user may edit budgets (the view shows its editing actions only then). */
    @PermitAll
    public boolean mayEdit() {
        return currentUser.hasRole(Role.ADMIN) || currentUser.hasRole(Role.FINANCE);
    }

    /** The usernames a budget may be owned by. */
    @RolesAllowed({WRITERS_ADMIN, WRITERS_FINANCE})
    public List<String> owners() {
        return dsl.select(USERS.USERNAME).from(USERS).orderBy(USERS.USERNAME).fetch(USERS.USERNAME);
    }

    @RolesAllowed({WRITERS_ADMIN, WRITERS_FINANCE})
    public BudgetPlan create(PlanDraft draft) {
        BudgetPlan saved = tx.execute(status -> {
            BudgetPlan plan = validator().validate(draft, null);
            repository.insert(plan, currentUser.actor(), clock.instant());
            audit.record("budget-plan.create", target(plan.id()), null, auditView(plan));
            return repository.find(plan.id()).orElseThrow();
        });
        events.publishEvent(new BudgetPlansChanged(saved.id()));
        return saved;
    }

    /**
     * Replaces a budget's fields and plan with the draft's.
     *
     * @param expectedVersion the version the editor opened
     * @throws StalePlanException      when someone changed or deleted it since
     * @throws PlanValidationException with a message per bad field; nothing is saved
     */
    @RolesAllowed({WRITERS_ADMIN, WRITERS_FINANCE})
    public BudgetPlan update(String id, int expectedVersion, PlanDraft draft) {
        BudgetPlan saved = tx.execute(status -> {
            BudgetPlan before = current(id, expectedVersion);
            BudgetPlan plan = validator().validate(draft, before);
            if (!repository.update(plan, expectedVersion, currentUser.actor(), clock.instant())) {
                throw stale(id, before.name(), expectedVersion);
            }
            audit.record("budget-plan.update", target(id), auditView(before), auditView(plan));
            return repository.find(id).orElseThrow();
        });
        events.publishEvent(new BudgetPlansChanged(id));
        return saved;
    }

    @RolesAllowed({WRITERS_ADMIN, WRITERS_FINANCE})
    public void delete(String id, int expectedVersion) {
        tx.executeWithoutResult(status -> {
            BudgetPlan before = current(id, expectedVersion);
            validator().checkDelete(before);
            if (!repository.delete(id, expectedVersion)) {
                throw stale(id, before.name(), expectedVersion);
            }
            audit.record("budget-plan.delete", target(id), auditView(before), null);
        });
        events.publishEvent(new BudgetPlansChanged(id));
    }

    /** What a copy-forward would set, without saving, for the dialog to show. */
    @RolesAllowed({WRITERS_ADMIN, WRITERS_FINANCE})
    public CopyForward.Result previewCopyForward(String id, CopyForward request) {
        BudgetPlan plan = repository.find(id).orElseThrow(() -> new StalePlanException("Budget " + id
                + " was deleted since you opened it."));
        if (request.source() == CopyForward.Source.FORECAST) {
            return forecasts.plan(plan, request);
        }
        var amounts = request.fromLastYear(plan);
        if (amounts.isEmpty()) {
            throw PlanValidationException.of("source", "'" + plan.name() + "' has no plan for " + (request.year() - 1)
                    + " to copy forward");
        }
        return new CopyForward.Result(amounts, List.of());
    }

    /** Sets a year's plan by copy-forward (replacing that year's amounts it computes), as one audited edit. */
    @RolesAllowed({WRITERS_ADMIN, WRITERS_FINANCE})
    public BudgetPlan copyForward(String id, int expectedVersion, CopyForward request) {
        BudgetPlan before = repository.find(id).orElseThrow(() -> stale(id, id, expectedVersion));
        CopyForward.Result result = previewCopyForward(id, request);
        TreeMap<LocalDate, String> amounts = new TreeMap<>(PlanDraft.of(before).amounts());
        result.amounts().forEach((start, amount) -> amounts.put(start, amount.toPlainString()));
        return update(id, expectedVersion, PlanDraft.of(before).withAmounts(amounts));
    }

    private BudgetPlan current(String id, int expectedVersion) {
        BudgetPlan before = repository.find(id).orElseThrow(() -> stale(id, id, expectedVersion));
        if (before.version() != expectedVersion) {
            throw stale(id, before.name(), expectedVersion);
        }
        return before;
    }

    private StalePlanException stale(String id, String name, int expectedVersion) {
        return repository.lastChange(id).map(change -> new StalePlanException("Budget '" + name + "' was changed by "
                        + change + " since you opened it (you opened version " + expectedVersion
                        + "); reopen it to see the change, then make yours again. Nothing was saved."))
                .orElseGet(() -> new StalePlanException("Budget '" + name + "' was deleted since you opened it. "
                        + "Nothing was saved."));
    }

    private PlanValidator validator() {
        return new PlanValidator(repository.findAll(),
                user -> dsl.fetchExists(USERS, USERS.USERNAME.eq(user)), scopeCurrencies, rates.table(), locks,
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), references);
    }

    private static String target(String id) {
        return "budget-plan:" + id;
    }

    /** What the audit log keeps of a budget: every field and the plan, amounts as exact text. */
    static Map<String, Object> auditView(BudgetPlan plan) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", plan.name());
        view.put("owner", plan.owner());
        view.put("scope", plan.scope().kind().name() + ":" + plan.scope().value());
        view.put("metric", plan.metric().name());
        view.put("currency", plan.currency());
        view.put("granularity", plan.granularity().name());
        view.put("parent", plan.parentId() == null ? "" : plan.parentId());
        Map<String, String> amounts = new LinkedHashMap<>();
        plan.amounts().forEach((start, amount) -> amounts.put(start.toString(), amount.toPlainString()));
        view.put("amounts", amounts);
        return view;
    }
}
