package dev.burnrate.portal.budget;

import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.engine.policy.budget.BudgetStatus;
import dev.burnrate.engine.policy.budget.BudgetStatusProvider;
import dev.burnrate.portal.currency.ExchangeRateRepository;
import java.time.LocalDate;
import java.util.OptionalDouble;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Budget figures read without locks: for previews, dry runs and monitoring. A final provisioning decision reads
 * them with the ledger instead ({@link JooqBudgetLedger}). A request priced in another currency than a budget's
 * converts at the exchange-rate table's rate of the day.
 */
@Component
public class BudgetFigures implements BudgetStatusProvider {

    private final DSLContext dsl;
    private final SpendSource spend;
    private final ExchangeRateRepository rates;
    private final BudgetProjection projection;

    public BudgetFigures(DSLContext dsl, SpendSource spend, ExchangeRateRepository rates,
                         BudgetProjection projection) {
        this.dsl = dsl;
        this.spend = spend;
        this.rates = rates;
        this.projection = projection;
    }

    /** The account's spend with what was converted and what was left out, for the Budgets page. */
    public SpendBreakdown spend(BudgetKey key) {
        return spend.spend(key);
    }

    @Override
    public OptionalDouble convert(double amount, String from, String to, LocalDate date) {
        return rates.table().convert(amount, from, to, date);
    }

    @Override
    public BudgetStatus status(BudgetKey key) {
        return status(key, spend.spend(key));
    }

    /** The account's figures with its spend already read (so a page reads it once for figures and notes). */
    public BudgetStatus status(BudgetKey key, SpendBreakdown spent) {
        return projection.status(key, spent.counted(), new ReservationStore(dsl, rates::table).committed(key, null),
                null);
    }
}
