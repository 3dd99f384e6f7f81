package dev.burnrate.portal.budget;

import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.engine.policy.budget.BudgetStatus;
import dev.burnrate.engine.policy.budget.BudgetStatusProvider;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Budget figures read without locks: for previews, dry runs and monitoring. A final provisioning decision reads
 * them under the ledger's locks instead ({@link JooqBudgetLedger}).
 */
@Component
public class BudgetFigures implements BudgetStatusProvider {

    private final DSLContext dsl;
    private final SpendSource spend;

    public BudgetFigures(DSLContext dsl, SpendSource spend) {
        this.dsl = dsl;
        this.spend = spend;
    }

    @Override
    public BudgetStatus status(BudgetKey key) {
        return new BudgetStatus(spend.actual(key), new ReservationStore(dsl).committed(key, null),
                spend.runRatePerHour(key));
    }
}
