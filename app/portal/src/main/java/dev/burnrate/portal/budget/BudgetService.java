package dev.burnrate.portal.budget;

import static dev.burnrate.portal.db.Tables.PROVISIONING_REQUESTS;
import static dev.burnrate.portal.db.Tables.TEAMS;

import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.PolicyEvaluator;
import dev.burnrate.engine.policy.Rule;
import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.engine.policy.budget.BudgetRule;
import dev.burnrate.portal.policy.ActivePolicies;
import dev.burnrate.portal.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each budget stands now: every budget rule of the enabled policies, for each team or project the user may
 * see, with actual, committed and projected spend in the budget's currency, and what of the actual spend was
 * converted or left out because it was in another currency.
 */
@Service
public class BudgetService {

    private final ActivePolicies policies;
    private final PolicyEvaluator evaluator;
    private final BudgetFigures figures;
    private final CurrentUser currentUser;
    private final DSLContext dsl;
    private final ForecastRunRate forecasts;

    BudgetService(ActivePolicies policies, PolicyEvaluator evaluator, BudgetFigures figures,
                  CurrentUser currentUser, DSLContext dsl, ForecastRunRate forecasts) {
        this.forecasts = forecasts;
        this.policies = policies;
        this.evaluator = evaluator;
        this.figures = figures;
        this.currentUser = currentUser;
        this.dsl = dsl;
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<BudgetRow> status() {
        Instant now = evaluator.clock().instant();
        List<String> teams = dsl.select(TEAMS.NAME).from(TEAMS).where(currentUser.teamScope(TEAMS.ID))
                .orderBy(TEAMS.NAME).fetch(TEAMS.NAME);
        List<String> projects = dsl.selectDistinct(PROVISIONING_REQUESTS.PROJECT).from(PROVISIONING_REQUESTS)
                .where(PROVISIONING_REQUESTS.PROJECT.isNotNull()
                        .and(currentUser.teamScope(PROVISIONING_REQUESTS.TEAM_ID)))
                .orderBy(PROVISIONING_REQUESTS.PROJECT).fetch(PROVISIONING_REQUESTS.PROJECT);
        List<BudgetRow> rows = new ArrayList<>();
        for (Policy policy : policies.load()) {
            for (Rule rule : policy.rules()) {
                if (rule instanceof BudgetRule budget) {
                    for (BudgetKey key : keys(policy, budget, teams, projects, now)) {
                        SpendBreakdown spent = figures.spend(key);
                        rows.add(new BudgetRow(policy.id(), policy.name(), policy.mode().name(),
                                budget.judge(key, figures.status(key, spent), 0, now, evaluator.budgetZone()),
                                spent.notes(), forecasts.band(key, now).orElse(null)));
                    }
                }
            }
        }
        return rows;
    }

    /**
     * Budget rules naming a planned budget (of one of the user's teams, or a project) that has no plan for the
     * current period: they set no limit until finance plans it, which the budgets page says.
     */
    @PermitAll
    @Transactional(readOnly = true)
    public List<String> unplanned() {
        Instant now = evaluator.clock().instant();
        List<String> teams = dsl.select(TEAMS.NAME).from(TEAMS).where(currentUser.teamScope(TEAMS.ID))
                .fetch(TEAMS.NAME);
        List<String> notes = new ArrayList<>();
        for (Policy policy : policies.load()) {
            for (Rule rule : policy.rules()) {
                if (rule instanceof BudgetRule budget && budget.plan() != null
                        && (budget.scope() != BudgetKey.Scope.TEAM || teams.contains(budget.plan().scopeValue()))) {
                    budget.unplannedPeriod(now, evaluator.budgetZone()).ifPresent(period -> notes.add(policy.id()
                            + "/" + budget.id() + " names budget " + budget.plan().id() + ", which has no plan for "
                            + period + ": no limit this period until finance plans it (Budget plans)."));
                }
            }
        }
        return notes;
    }

    private List<BudgetKey> keys(Policy policy, BudgetRule budget, List<String> teams, List<String> projects,
                                 Instant now) {
        List<BudgetKey> keys = new ArrayList<>();
        var zone = evaluator.budgetZone();
        switch (budget.scope()) {
            case ALL -> budget.keyFor(policy.id(), null, null, now, zone).ifPresent(keys::add);
            case TEAM -> teams.stream().filter(policy.scope()::mayConcernTeam)
                    .forEach(t -> budget.keyFor(policy.id(), t, null, now, zone).ifPresent(keys::add));
            case PROJECT -> projects.stream().filter(policy.scope()::mayConcernProject)
                    .forEach(p -> budget.keyFor(policy.id(), null, p, now, zone).ifPresent(keys::add));
        }
        return keys;
    }
}
