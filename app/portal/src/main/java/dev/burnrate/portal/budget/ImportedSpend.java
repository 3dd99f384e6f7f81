package dev.burnrate.portal.budget;

import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.portal.currency.ExchangeRateRepository;
import dev.burnrate.portal.currency.ExchangeRates;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.usage.DatasetSummary;
import dev.burnrate.portal.usage.UsageDatasetService;
import dev.burnrate.portal.usage.UsageQueryService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Spend from imported billing data: the effective cost in the budget's period on the newest version of every
 * dataset that counts toward budgets. A team is the value of the dataset's team tag, a project the value of the
 * {@value #PROJECT_TAG} tag. Read as {@code system}: a budget is the whole team's spend, whoever looks at it.
 *
 * <p>Each row keeps its BillingCurrency: spend in the budget's currency counts as it is, spend in another one only
 * at the exchange-rate table's rate of its day, and the rest is reported as not counted. The version scan behind
 * it is done once per version, scope tag and period ({@link ImportedSpendCache}), so previews, grids and approval
 * cards read figures without rescanning the Arrow files.
 */
@Component
public class ImportedSpend implements SpendSource {

    static final String PROJECT_TAG = "project";

    private final UsageDatasetService datasets;
    private final UsageQueryService usage;
    private final ImportedSpendCache cache;
    private final ExchangeRateRepository rates;

    public ImportedSpend(UsageDatasetService datasets, UsageQueryService usage, ImportedSpendCache cache,
                         ExchangeRateRepository rates) {
        this.datasets = datasets;
        this.usage = usage;
        this.cache = cache;
        this.rates = rates;
    }

    @Override
    public SpendBreakdown spend(BudgetKey key) {
        List<DaySpend> daily = daily(key);
        ExchangeRates table = daily.stream().allMatch(d -> key.currency().equals(d.currency()))
                ? ExchangeRates.none() : rates.table();
        return SpendBreakdown.of(key.currency(), daily, table);
    }

    /** The account's imported spend per currency and day of its period, as the newest versions hold it. */
    List<DaySpend> daily(BudgetKey key) {
        return SystemRunner.callAsSystem(() -> {
            List<DaySpend> daily = new ArrayList<>();
            for (DatasetSummary dataset : datasets.datasets()) {
                if (!dataset.countsTowardBudgets() || dataset.versions() == 0) {
                    continue;
                }
                String version = usage.latestVersionKey(dataset.name());
                String tagKey = key.scope() == BudgetKey.Scope.PROJECT ? PROJECT_TAG : dataset.teamTagKey();
                Map<String, List<DaySpend>> byValue = cache.spend(dataset.name(), version, tagKey, key.start(),
                        key.end());
                if (key.scope() == BudgetKey.Scope.ALL) {
                    byValue.values().forEach(daily::addAll);
                } else {
                    daily.addAll(byValue.getOrDefault(key.scopeValue(), List.of()));
                }
            }
            return daily;
        });
    }

    /**
     * Billing exports describe the past; what is being spent now is what Burnrate meters ({@link MeteredSpend}).
     * Budget projections extrapolate imported spend with {@link ImportedRunRate} instead.
     */
    @Override
    public double runRatePerHour(BudgetKey key) {
        return 0;
    }
}
