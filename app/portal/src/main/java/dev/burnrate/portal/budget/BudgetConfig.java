package dev.burnrate.portal.budget;

import dev.burnrate.engine.policy.PolicyEvaluator;
import dev.burnrate.engine.policy.budget.BudgetReservations;
import dev.burnrate.portal.currency.ExchangeRateRepository;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The database ledger and the engine's check-and-reserve step on top of it. */
@Configuration
class BudgetConfig {

    @Bean
    JooqBudgetLedger budgetLedger(DSLContext dsl, SpendSource spend, Clock clock, ExchangeRateRepository rates,
                                  BudgetProjection projection) {
        return new JooqBudgetLedger(dsl, spend, clock, rates::table, projection);
    }

    @Bean
    BudgetReservations budgetReservations(PolicyEvaluator evaluator, JooqBudgetLedger ledger) {
        return new BudgetReservations(evaluator, ledger);
    }
}
