package dev.burnrate.engine.policy.rules;

import static dev.burnrate.engine.policy.PolicyFixtures.P5_EU_NORTH_1;
import static dev.burnrate.engine.policy.PolicyFixtures.evaluator;
import static dev.burnrate.engine.policy.PolicyFixtures.parse;
import static dev.burnrate.engine.policy.PolicyFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.Offering;
import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.Outcome;
import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.PolicyInput;
import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.engine.policy.budget.BudgetStatus;
import dev.burnrate.engine.policy.budget.BudgetStatusProvider;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The hourly cap is in USD: a request priced in another currency is compared only after an explicit rate. */
class MaxHourlyCostCurrencyTest {

    private final Policy cap = parse("""
            id: max-hourly
            name: Hourly cost cap
            rules:
              - type: max_hourly_cost
                amount: 100
            """);

    /** Two p5.48xlarge priced at 58.8928 EUR each: 117.79 EUR an hour. */
    private final PolicyInput twoInEur = request(inEur(P5_EU_NORTH_1), 2, 10).build();

    @Test
    void withoutARateTheCapCannotCompareAndAsksForApprovalInsteadOfDenying() {
        Decision decision = evaluator().evaluate(List.of(cap), twoInEur, key -> BudgetStatus.empty());

        assertThat(decision.outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
        assertThat(decision.violations()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo("hourly-cost-unconverted");
            assertThat(v.message()).contains("€117.79 EUR per hour", "no EUR→USD exchange rate for 2026-11-10",
                    "$100.00");
        });
    }

    @Test
    void withARateTheConvertedCostIsCompared() {
        Decision under = evaluator().evaluate(List.of(cap), twoInEur, rate(0.8));
        Decision over = evaluator().evaluate(List.of(cap), twoInEur, rate(1.1));

        assertThat(under.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(over.outcome()).isEqualTo(Outcome.DENY);
        assertThat(over.violations().getFirst().message()).contains("$129.56 (€117.79 EUR) per hour");
    }

    private static BudgetStatusProvider rate(double eurToUsd) {
        return new BudgetStatusProvider() {
            @Override
            public BudgetStatus status(BudgetKey key) {
                return BudgetStatus.empty();
            }

            @Override
            public OptionalDouble convert(double amount, String from, String to, LocalDate date) {
                return from.equals("EUR") && to.equals("USD") ? OptionalDouble.of(amount * eurToUsd)
                        : OptionalDouble.empty();
            }
        };
    }

    private static Offering inEur(Offering o) {
        return new Offering(o.providerId(), o.instanceType(), o.regionId(), o.acceleratorName(), o.acceleratorCount(),
                o.vcpus(), o.memoryGib(), o.serviceName(), o.prices().inCurrency("EUR"), o.spotInterruptionsPerHour());
    }
}
