package dev.burnrate.portal.budget;

import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.usage.UsageDatasetService;
import dev.burnrate.portal.usage.UsageQueryService;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Spend from imported billing data: the effective cost in the budget's period on the newest version of every
 * dataset that counts toward budgets. A team is the value of the dataset's team tag, a project the value of the
 * {@value #PROJECT_TAG} tag. Read as {@code system}: a budget is the whole team's spend, whoever looks at it.
 */
@Component
public class ImportedSpend implements SpendSource {

    static final String PROJECT_TAG = "project";

    private final UsageDatasetService datasets;
    private final UsageQueryService usage;

    public ImportedSpend(UsageDatasetService datasets, UsageQueryService usage) {
        this.datasets = datasets;
        this.usage = usage;
    }

    @Override
    public double actual(BudgetKey key) {
        return SystemRunner.callAsSystem(() -> {
            double sum = 0;
            for (String dataset : datasets.budgetDatasets()) {
                Map<String, Double> spend = switch (key.scope()) {
                    case TEAM, ALL -> usage.spendByTeam(dataset, key.start(), key.end());
                    case PROJECT -> usage.spendByTag(dataset, PROJECT_TAG, key.start(), key.end());
                };
                sum += switch (key.scope()) {
                    case ALL -> spend.values().stream().mapToDouble(Double::doubleValue).sum();
                    case TEAM, PROJECT -> spend.entrySet().stream()
                            .filter(e -> Objects.equals(e.getKey(), key.scopeValue()))
                            .mapToDouble(Map.Entry::getValue).sum();
                };
            }
            return sum;
        });
    }

    /** Billing exports describe the past; what is being spent now is what Burnrate meters ({@link MeteredSpend}). */
    @Override
    public double runRatePerHour(BudgetKey key) {
        return 0;
    }
}
