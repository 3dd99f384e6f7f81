package dev.burnrate.portal.budget.plan;

import static dev.burnrate.portal.db.Tables.TEAMS;
import static dev.burnrate.portal.db.Tables.TEAM_MEMBERS;
import static dev.burnrate.portal.db.Tables.USERS;

import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.currency.ExchangeRateRepository;
import dev.burnrate.portal.forecast.SpendForecastRepository;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.support.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A {@link BudgetPlanService} on a test database, wired as Spring would (one transaction manager shared by jOOQ),
 * with test doubles for the billing currencies of a scope, signed-period locks and policy references. Users:
 * finance, approver and eve (ENGINEER, member of ml-research).
 */
final class PlanFixture {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    final DSLContext dsl;
    final BudgetPlanService service;
    final BudgetPlanRepository repository;
    final ExchangeRateRepository rates;
    final SpendForecastRepository forecasts;
    /** Scope value to the currencies its spend was billed in (nothing for others). */
    final Map<String, Set<String>> billedIn = new HashMap<>();
    /** Months a signed review covers, with the reason. */
    final Map<LocalDate, String> locked = new TreeMap<>();
    final Map<String, List<String>> namedBy = new HashMap<>();
    final List<Object> events = new ArrayList<>();

    PlanFixture(TestDatabase db) {
        dsl = DSL.using(new TransactionAwareDataSourceProxy(db.dataSource()), db.dialect());
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        CurrentUser currentUser = new CurrentUser(dsl);
        repository = new BudgetPlanRepository(dsl);
        rates = new ExchangeRateRepository(dsl);
        forecasts = new SpendForecastRepository(dsl);
        PeriodLocks locks = (from, to) -> locked.entrySet().stream()
                .filter(e -> !e.getKey().isBefore(from) && e.getKey().isBefore(to)).map(Map.Entry::getValue).findFirst();
        service = new BudgetPlanService(repository, dsl, new AuditService(dsl, currentUser, clock), currentUser, tx,
                (scope, metric, from, to) -> billedIn.getOrDefault(scope.value(), Set.of()), rates,
                new ForecastPlans(forecasts), List.of(locks), events::add, clock,
                id -> namedBy.getOrDefault(id, List.of()));
        for (String user : List.of("finance", "approver", "eve")) {
            dsl.insertInto(USERS).set(USERS.USERNAME, user).set(USERS.DISPLAY_NAME, user)
                    .set(USERS.PASSWORD_HASH, "x").execute();
        }
        long team = dsl.insertInto(TEAMS).set(TEAMS.NAME, "ml-research").returning(TEAMS.ID).fetchOne().getId();
        long eve = dsl.select(USERS.ID).from(USERS).where(USERS.USERNAME.eq("eve")).fetchSingle(USERS.ID);
        dsl.insertInto(TEAM_MEMBERS).set(TEAM_MEMBERS.TEAM_ID, team).set(TEAM_MEMBERS.USER_ID, eve).execute();
    }

    static <T> T as(String user, String role, Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken(user, null, "ROLE_" + role));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    <T> T asFinance(Supplier<T> work) {
        return as("finance", "FINANCE", work);
    }

    /** A monthly USD team budget draft. */
    static PlanDraft team(String id, String team, Map<LocalDate, String> amounts) {
        return new PlanDraft(id, "Team " + team, "approver", "TEAM", team, null, "USD", "MONTH", null,
                new TreeMap<>(amounts));
    }

    static PlanDraft withParent(PlanDraft d, String parent) {
        return new PlanDraft(d.id(), d.name(), d.owner(), d.scopeKind(), d.scopeValue(), d.metric(), d.currency(),
                d.granularity(), parent, d.amounts());
    }

    static LocalDate month(int year, int month) {
        return LocalDate.of(year, month, 1);
    }

    Optional<BudgetPlan> stored(String id) {
        return repository.find(id);
    }

    int auditEntries(String action) {
        return dsl.fetchCount(dev.burnrate.portal.db.Tables.AUDIT_LOG,
                dev.burnrate.portal.db.Tables.AUDIT_LOG.ACTION.eq(action));
    }
}
