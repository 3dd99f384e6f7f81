package dev.burnrate.engine.policy.budget;

import static dev.burnrate.engine.policy.PolicyFixtures.NOW;
import static dev.burnrate.engine.policy.PolicyFixtures.P5_EU_NORTH_1;
import static dev.burnrate.engine.policy.PolicyFixtures.evaluator;
import static dev.burnrate.engine.policy.PolicyFixtures.parse;
import static dev.burnrate.engine.policy.PolicyFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.burnrate.api.Offering;
import dev.burnrate.engine.policy.ApproverRole;
import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.Outcome;
import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.PolicyInput;
import dev.burnrate.engine.policy.RuleRegistry;
import dev.burnrate.engine.policy.Violation;
import dev.burnrate.engine.policy.schema.PolicyParser;
import dev.burnrate.engine.policy.schema.PolicyValidationException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Budgets have a currency; a request priced in another one counts only at an explicit exchange rate. */
class BudgetCurrencyTest {

    private static final String EUR_BUDGET = """
            id: eu-budget
            name: EU monthly budget
            rules:
              - type: budget
                id: monthly
                period: month
                amount: 100000
                currency: %s
                thresholds:
                  - {at: 80, action: require_approval}
                  - {at: 100, action: deny}
            """;

    /** One p5.48xlarge for a day, priced in USD: 24 x $58.8928 = $1,413.43. */
    private final PolicyInput usdRequest = request(P5_EU_NORTH_1, 1, 24).build();

    @Test
    void aBudgetKeepsTheCurrencyItsPolicyGivesAndItsAccountKeyNamesIt() {
        Policy policy = parse(EUR_BUDGET.formatted("EUR"));
        BudgetRule rule = (BudgetRule) policy.rules().getFirst();
        BudgetKey key = rule.keyFor(policy.id(), "ml-research", null, NOW, ZoneOffset.UTC).orElseThrow();

        assertThat(rule.currency()).isEqualTo("EUR");
        assertThat(key.currency()).isEqualTo("EUR");
        assertThat(key.id()).endsWith("|EUR");
        // A USD account keeps the key it had before budgets had a currency (reservations carry over).
        BudgetKey usd = new BudgetKey("p/r", BudgetKey.Scope.TEAM, "t", BudgetPeriod.MONTH, NOW, NOW.plusSeconds(1));
        assertThat(usd.currency()).isEqualTo("USD");
        assertThat(usd.id()).isEqualTo("p/r|team:t|month:" + NOW);
    }

    @Test
    void aCurrencyThatIsNotIso4217IsRefusedWithWhereItIs() {
        PolicyParser parser = new PolicyParser(RuleRegistry.standard());
        for (String bad : List.of("EURO", "eur", "XXZ")) {
            assertThatThrownBy(() -> parser.parse(EUR_BUDGET.formatted(bad), 1))
                    .isInstanceOf(PolicyValidationException.class)
                    .hasMessageContaining("rules[0].currency").hasMessageContaining("ISO 4217");
        }
    }

    @Test
    void aRequestInTheBudgetsCurrencyIsJudgedAsBeforeAndTheMessageNamesTheCurrency() {
        Policy policy = parse(EUR_BUDGET.formatted("EUR"));
        PolicyInput eurRequest = request(inEur(P5_EU_NORTH_1), 1, 24).build();
        Decision decision = evaluator().evaluate(List.of(policy), eurRequest, key -> new BudgetStatus(80_000, 0, 0));

        assertThat(decision.outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
        BudgetCheck check = decision.budgets().getFirst();
        assertThat(check.requestCost()).isCloseTo(1413.43, within(0.01));
        Violation v = decision.violations().getFirst();
        assertThat(v.message()).contains("€81,413.43 EUR of €100,000.00 EUR");
        assertThat(v.evidence()).containsEntry("currency", "EUR");
    }

    @Test
    void aRequestInAnotherCurrencyIsConvertedAtTheRateOfToday() {
        Policy policy = parse(EUR_BUDGET.formatted("EUR"));
        BudgetStatusProvider withRate = new BudgetStatusProvider() {
            @Override
            public BudgetStatus status(BudgetKey key) {
                return new BudgetStatus(10_000, 0, 0);
            }

            @Override
            public OptionalDouble convert(double amount, String from, String to, LocalDate date) {
                assertThat(date).isEqualTo(LocalDate.of(2026, 11, 10));
                return from.equals("USD") && to.equals("EUR") ? OptionalDouble.of(amount * 0.5)
                        : OptionalDouble.empty();
            }
        };
        Decision decision = evaluator().evaluate(List.of(policy), usdRequest, withRate);

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(decision.budgets().getFirst().requestCost()).isCloseTo(1413.43 * 0.5, within(0.01));
        assertThat(decision.budgets().getFirst().unjudged()).isNull();
    }

    @Test
    void withoutARateTheBudgetCannotJudgeAndFinanceMustApprove() {
        Policy policy = parse(EUR_BUDGET.formatted("EUR"));
        Decision decision = evaluator().evaluate(List.of(policy), usdRequest, key -> new BudgetStatus(10_000, 0, 0));

        assertThat(decision.outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
        assertThat(decision.approverRoles()).contains(ApproverRole.FINANCE);
        BudgetCheck check = decision.budgets().getFirst();
        assertThat(check.requestCost()).isZero();
        Violation v = decision.violations().getFirst();
        assertThat(v.code()).isEqualTo("budget-currency");
        assertThat(v.message()).contains("cannot judge this request", "$1,413.43", "kept in EUR",
                "no USD→EUR exchange rate for 2026-11-10");
    }

    @Test
    void aCrossedDenyStillDeniesARequestItCannotConvert() {
        Policy policy = parse(EUR_BUDGET.formatted("EUR"));
        Decision decision = evaluator().evaluate(List.of(policy), usdRequest, key -> new BudgetStatus(100_001, 0, 0));

        assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
    }

    @Test
    void amountsShowTheirCurrency() {
        assertThat(Amount.format(1234.5, "USD")).isEqualTo("$1,234.50");
        assertThat(Amount.format(1_234_567, "JPY")).isEqualTo("¥1,234,567 JPY");
        assertThat(Amount.format(-12, "CHF")).isEqualTo("-12.00 CHF");
        assertThat(new Amount(3, "EUR").format()).isEqualTo("€3.00 EUR");
    }

    @Test
    void amountsAreRoundedOnceHalfEvenFromTheDecimalTheyStandFor() {
        // 2.675 is 2.67499999999999982236431605997495353221893310546875 as a double: %f gave 2.67
        assertThat(Amount.format(2.675, "USD")).isEqualTo("$2.68");
        assertThat(Amount.format(0.125, "USD")).isEqualTo("$0.12");
        assertThat(Amount.format(1_000_000.005, "USD")).isEqualTo("$1,000,000.00");
        assertThat(Amount.format(-0.004, "EUR")).isEqualTo("€0.00 EUR");
    }

    private static Offering inEur(Offering o) {
        return new Offering(o.providerId(), o.instanceType(), o.regionId(), o.acceleratorName(), o.acceleratorCount(),
                o.vcpus(), o.memoryGib(), o.serviceName(), o.prices().inCurrency("EUR"), o.spotInterruptionsPerHour());
    }
}
