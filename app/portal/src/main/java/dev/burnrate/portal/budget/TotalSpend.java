package dev.burnrate.portal.budget;

import dev.burnrate.engine.policy.budget.BudgetKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The spend budgets judge: imported billing data plus what Burnrate meters from the resources it provisioned.
 *
 * <p>Each dollar is counted once. Metered rows live in the {@code metered_usage} table ({@link MeteredSpend}); they
 * are also copied into the usage data so the cost explorer shows them, but into a dataset of their own that is
 * created with {@code counts_toward_budgets = false}, and {@link ImportedSpend} reads only the datasets that count.
 * Excluding one whole dataset is simpler and safer than marking rows: no row-level flag can be forgotten by an
 * import, and the copy can be rebuilt or appended to without touching budgets. (A provider's own billing export
 * that also bills the resources Burnrate provisioned would overlap with metered spend; such a dataset can be set
 * not to count, see {@code UsageDatasetService.setCountsTowardBudgets}.)
 */
@Primary
@Component
public class TotalSpend implements SpendSource {

    private final ImportedSpend imported;
    private final MeteredSpend metered;

    public TotalSpend(ImportedSpend imported, MeteredSpend metered) {
        this.imported = imported;
        this.metered = metered;
    }

    @Override
    public SpendBreakdown spend(BudgetKey key) {
        return imported.spend(key).plus(metered.spend(key));
    }

    @Override
    public double runRatePerHour(BudgetKey key) {
        return imported.runRatePerHour(key) + metered.runRatePerHour(key);
    }

    /** Imported spend (cached version scans) read now; metered spend (one indexed sum) when asked, under the lock. */
    @Override
    public SpendSource readAhead(List<BudgetKey> keys) {
        Map<BudgetKey, SpendBreakdown> importedNow = new HashMap<>();
        keys.forEach(key -> importedNow.put(key, imported.spend(key)));
        return new SpendSource() {
            @Override
            public SpendBreakdown spend(BudgetKey key) {
                SpendBreakdown read = importedNow.get(key);
                return (read == null ? imported.spend(key) : read).plus(metered.spend(key));
            }

            @Override
            public double runRatePerHour(BudgetKey key) {
                return TotalSpend.this.runRatePerHour(key);
            }
        };
    }
}
