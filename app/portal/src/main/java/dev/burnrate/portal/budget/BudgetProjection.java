package dev.burnrate.portal.budget;

import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.engine.policy.budget.BudgetStatus;
import dev.burnrate.portal.currency.ExchangeRateRepository;
import dev.burnrate.portal.currency.ExchangeRates;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one definition of a budget period's committed and projected spend, used by the Budgets page, the approval
 * queue and every policy decision (through {@link BudgetFigures} and {@link JooqBudgetLedger}):
 * <ul>
 *   <li><b>actual</b>: imported spend plus what Burnrate metered from its resources in the period
 *       ({@link SpendSource}), in the budget's currency;</li>
 *   <li><b>committed</b>: what approved and pending requests reserved for their planned duration, less what their
 *       resources were already metered (a 72-hour job counts 72 hours, not the rest of the month), plus running
 *       resources without a reservation on the account, until their planned end or else the period's end
 *       ({@link RunningCommitments});</li>
 *   <li><b>projected</b> = actual + committed + the run rate of uncommitted spend over the hours left
 *       ({@link SpendRunRate}: the spend forecast's P50, {@link ForecastRunRate}, or imported spend's recent
 *       rate where there is no forecast, {@link ImportedRunRate}).</li>
 * </ul>
 * The engine adds the figures up ({@code BudgetRule.judge}); this class decides what goes into each.
 */
@Component
public class BudgetProjection {

    /** The definition in words, for the Budgets page. */
    public static final String DEFINITION = "Actual is what was imported or metered this period. Committed is "
            + "what approved and pending requests reserved for their planned duration (a 72-hour job counts 72 "
            + "hours), less what they already spent, plus resources that run without a reservation, until their "
            + "planned end or else the period's end. Projected at period end = actual + committed + the forecast "
            + "(P50) of imported spend from the end of the imported data to the period's end, made per team by the "
            + "model that backtested best on its daily history and refitted after every import. Project budgets, "
            + "and teams without a forecast yet, continue imported spend at its average of the last "
            + ImportedRunRate.HISTORY_DAYS + " imported days once the period has that much history (otherwise "
            + "imported spend is not extrapolated).";

    private final DSLContext dsl;
    private final Supplier<ExchangeRates> rates;
    private final SpendRunRate runRate;
    private final Clock clock;

    @Autowired
    public BudgetProjection(DSLContext dsl, ExchangeRateRepository rates, SpendRunRate runRate, Clock clock) {
        this(dsl, rates::table, runRate, clock);
    }

    BudgetProjection(DSLContext dsl, Supplier<ExchangeRates> rates, SpendRunRate runRate, Clock clock) {
        this.dsl = dsl;
        this.rates = rates;
        this.runRate = runRate;
        this.clock = clock;
    }

    /** Without a run rate, for ledgers built by hand (tests, tools). */
    static BudgetProjection withoutRunRate(DSLContext dsl, Supplier<ExchangeRates> rates, Clock clock) {
        return new BudgetProjection(dsl, rates, SpendRunRate.NONE, clock);
    }

    /**
     * This projection with the run rates of these accounts read now: the ledger calls it before it locks them, since
     * the imported spend behind a run rate is what it must not read under the lock ({@link SpendSource#readAhead}).
     */
    BudgetProjection readAhead(List<BudgetKey> keys) {
        Instant now = clock.instant();
        Map<BudgetKey, double[]> read = new HashMap<>();
        keys.forEach(key -> read.put(key, new double[] {runRate.perHour(key, now), runRate.p90Margin(key, now)}));
        SpendRunRate ahead = new SpendRunRate() {
            @Override
            public double perHour(BudgetKey key, Instant at) {
                return read.containsKey(key) ? read.get(key)[0] : runRate.perHour(key, at);
            }

            @Override
            public double p90Margin(BudgetKey key, Instant at) {
                return read.containsKey(key) ? read.get(key)[1] : runRate.p90Margin(key, at);
            }
        };
        return new BudgetProjection(dsl, this.rates, ahead, clock);
    }

    /**
     * The account's figures.
     *
     * @param actual           spend counted in the period ({@link SpendSource#actual})
     * @param reserved         reservations net of what their requests already spent ({@code ReservationStore})
     * @param excludingRequest a request being judged, whose own cost the engine adds (null: none)
     */
    public BudgetStatus status(BudgetKey key, double actual, double reserved, String excludingRequest) {
        return status(dsl, key, actual, reserved, excludingRequest);
    }

    /** The same, reading running resources in a given transaction (the ledger's, under its lock). */
    BudgetStatus status(DSLContext within, BudgetKey key, double actual, double reserved, String excludingRequest) {
        var now = clock.instant();
        return new BudgetStatus(actual, reserved + new RunningCommitments(within, rates).cost(key, excludingRequest,
                now), runRate.perHour(key, now), runRate.p90Margin(key, now));
    }
}
