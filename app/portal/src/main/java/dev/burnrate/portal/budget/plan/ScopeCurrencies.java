package dev.burnrate.portal.budget.plan;

import java.time.LocalDate;
import java.util.Set;

/** The billing currencies a scope's spend was billed in over some days, to check a budget's currency against. */
@FunctionalInterface
public interface ScopeCurrencies {

    /** Currencies with spend in {@code scope} measured in {@code metric} in {@code [from, to)}. */
    Set<String> currencies(BudgetScope scope, CostMetric metric, LocalDate from, LocalDate to);
}
