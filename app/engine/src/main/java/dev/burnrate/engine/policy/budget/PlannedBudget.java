package dev.burnrate.engine.policy.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A budget as finance planned it, seen from a policy: what it covers, its period, its currency and the exact
 * amount of each period it has a plan for.
 *
 * @param scopeKind  the planned scope's kind, e.g. {@code TEAM}, {@code PROJECT}, {@code TAG}; a policy can only
 *                   use team and project budgets, since a provisioning request carries only those
 * @param scopeValue the team or project name (or the other scope's value)
 * @param amounts    period start (first day of the month or quarter) to amount, in {@code currency}
 */
public record PlannedBudget(String id, String scopeKind, String scopeValue, BudgetPeriod period, String currency,
                            SortedMap<LocalDate, BigDecimal> amounts) {

    public PlannedBudget {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scopeKind, "scopeKind");
        Objects.requireNonNull(period, "period");
        amounts = Collections.unmodifiableSortedMap(new TreeMap<>(amounts));
    }
}
