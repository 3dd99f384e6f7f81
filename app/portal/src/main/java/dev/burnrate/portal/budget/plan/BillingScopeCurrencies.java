package dev.burnrate.portal.budget.plan;

import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.portal.finance.BillingData;
import dev.burnrate.portal.finance.SpendRow;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** The currencies of a scope's spend in the billing data that counts toward budgets ({@link BillingData}). */
@Component
class BillingScopeCurrencies implements ScopeCurrencies {

    private final BillingData billing;

    BillingScopeCurrencies(BillingData billing) {
        this.billing = billing;
    }

    @Override
    public Set<String> currencies(BudgetScope scope, CostMetric metric, LocalDate from, LocalDate to) {
        Set<String> found = new TreeSet<>();
        for (SpendRow row : billing.sum(billing.current(), teamTag -> scope.applyTo(UsageQuery.builder()
                .between(from.atStartOfDay(ZoneOffset.UTC).toInstant(), to.atStartOfDay(ZoneOffset.UTC).toInstant())
                .sum(metric.metric()), teamTag).build())) {
            if (row.amount().signum() != 0) {
                found.add(row.currency());
            }
        }
        return found;
    }
}
