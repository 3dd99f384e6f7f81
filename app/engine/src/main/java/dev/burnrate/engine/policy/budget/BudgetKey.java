package dev.burnrate.engine.policy.budget;

import dev.burnrate.api.Prices;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One budget account: a budget rule, applied to one team, project or the whole organisation, in one period. The
 * portal keys actual spend, committed spend and reservations by it; {@link #id()} is a stable string form.
 *
 * @param budgetId   {@code policyId/ruleId}; stays the same across policy versions so reservations carry over
 * @param scope      what the budget counts: a team's spend, a project's, or everything
 * @param scopeValue the team or project name; {@code *} for {@link Scope#ALL}
 * @param period     month or quarter
 * @param start      the period's first instant
 * @param end        the next period's first instant
 * @param currency   the ISO 4217 code the budget is kept in; spend in other currencies counts only converted at an
 *                   explicit exchange rate
 */
public record BudgetKey(String budgetId, Scope scope, String scopeValue, BudgetPeriod period, Instant start,
                        Instant end, String currency) implements Comparable<BudgetKey> {

    /** What spend a budget counts. */
    public enum Scope {
        TEAM,
        PROJECT,
        ALL;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public BudgetKey {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(scopeValue, "scopeValue");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        currency = Prices.requireIsoCurrency(currency);
    }

    /** A USD budget account (budgets had no other currency before). */
    public BudgetKey(String budgetId, Scope scope, String scopeValue, BudgetPeriod period, Instant start,
                     Instant end) {
        this(budgetId, scope, scopeValue, period, start, end, Prices.DEFAULT_CURRENCY);
    }

    /** The stable key; a USD account keeps the form it had before budgets had a currency. */
    public String id() {
        String id = budgetId + "|" + scope.yamlName() + ":" + scopeValue + "|" + period.yamlName() + ":" + start;
        return currency.equals(Prices.DEFAULT_CURRENCY) ? id : id + "|" + currency;
    }

    /** Keys sort by {@link #id()}: locking several budgets in this order cannot deadlock. */
    @Override
    public int compareTo(BudgetKey other) {
        return id().compareTo(other.id());
    }

    /** e.g. "team ml-research" or "the whole organisation". */
    public String describeScope() {
        return scope == Scope.ALL ? "the whole organisation" : scope.yamlName() + " " + scopeValue;
    }
}
