package dev.burnrate.portal.budget;

import dev.burnrate.engine.policy.PolicyEvaluator;
import dev.burnrate.engine.policy.budget.BudgetReservations;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The database ledger and the engine's check-and-reserve step on top of it. */
@Configuration
class BudgetConfig {

    @Bean
    JooqBudgetLedger budgetLedger(DSLContext dsl, SpendSource spend, Clock clock) {
        return new JooqBudgetLedger(dsl, spend, clock);
    }

    @Bean
    BudgetReservations budgetReservations(PolicyEvaluator evaluator, JooqBudgetLedger ledger) {
        return new BudgetReservations(evaluator, ledger);
    }
}
