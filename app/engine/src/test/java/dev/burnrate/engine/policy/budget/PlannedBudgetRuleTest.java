package dev.burnrate.engine.policy.budget;

import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.Outcome;
import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.PolicyInput;
import dev.burnrate.engine.policy.RuleRegistry;
import dev.burnrate.engine.policy.schema.PolicyError;
import dev.burnrate.engine.policy.schema.PolicyParser;
import dev.burnrate.engine.policy.schema.PolicyValidationException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static dev.burnrate.engine.policy.PolicyFixtures.P5_EU_NORTH_1;
import static dev.burnrate.engine.policy.PolicyFixtures.evaluator;
import static dev.burnrate.engine.policy.PolicyFixtures.request;
import static dev.burnrate.engine.policy.PolicyFixtures.spend;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A budget rule that names a planned budget ({@code budget: <id>}) instead of repeating an amount. */
class PlannedBudgetRuleTest {

    /** ml-research plans 20,000 USD for 2026-11 (the fixtures' month) and nothing for 2026-12. */
    private static final PlannedBudget ML_RESEARCH = new PlannedBudget("ml-research", "TEAM", "ml-research",
            BudgetPeriod.MONTH, "USD", new TreeMap<>(Map.of(LocalDate.of(2026, 10, 1), new BigDecimal("90000.00"),
            LocalDate.of(2026, 11, 1), new BigDecimal("20000.00"))));
    private static final PlannedBudget RESEARCH_TAG = new PlannedBudget("research", "TAG", "cost-center=research",
            BudgetPeriod.MONTH, "USD", new TreeMap<>());
    private static final PlannedBudgets PLANS = id -> Optional.ofNullable(switch (id) {
        case "ml-research" -> ML_RESEARCH;
        case "research" -> RESEARCH_TAG;
        default -> null;
    });

    private final PolicyParser parser = new PolicyParser(RuleRegistry.standard(PLANS));
    /** One p5.48xlarge in eu-north-1 for a day: $1,413.43. */
    private final PolicyInput dayOfP5 = request(P5_EU_NORTH_1, 1, 24).build();

    private static String policy(String budgetLines) {
        return """
                id: ml-budget
                name: ML research monthly budget
                scope:
                  team: [ml-research, inference]
                rules:
                  - type: budget
                    id: monthly
                """ + budgetLines + """
                    thresholds:
                      - {at: 80, action: require_approval}
                      - {at: 100, action: deny}
                """;
    }

    private Policy parse(String yaml) throws PolicyValidationException {
        return parser.parse(yaml, 1);
    }

    private List<String> errors(String yaml) {
        return catchThrowableOfType(PolicyValidationException.class, () -> parse(yaml)).errors().stream()
                .map(PolicyError::message).toList();
    }

    @Test
    void theRuleTakesScopePeriodCurrencyAndThisPeriodsAmountFromTheBudget() throws Exception {
        Policy policy = parse(policy("    budget: ml-research\n"));
        BudgetRule rule = (BudgetRule) policy.rules().getFirst();
        assertThat(rule.scope()).isEqualTo(BudgetKey.Scope.TEAM);
        assertThat(rule.period()).isEqualTo(BudgetPeriod.MONTH);
        assertThat(rule.currency()).isEqualTo("USD");

        // 15,000 + 1,413.43 is 82% of November's 20,000 (it would be 18% of October's 90,000)
        Decision decision = evaluator().evaluate(List.of(policy), dayOfP5,
                spend("ml-research", new BudgetStatus(15_000, 0, 0)));

        assertThat(decision.outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
        BudgetCheck check = decision.budgets().getFirst();
        assertThat(check.amount()).isEqualTo(20_000.0);
        assertThat(check.key().budgetId()).isEqualTo("ml-budget/monthly");
        assertThat(check.key().describeScope()).isEqualTo("team ml-research");
        assertThat(check.periodLabel()).isEqualTo("2026-11");
    }

    @Test
    void anotherTeamsRequestIsNotChargedToTheTeamsBudget() throws Exception {
        Policy policy = parse(policy("    budget: ml-research\n"));
        PolicyInput inference = request(P5_EU_NORTH_1, 1, 24).team("inference").build();

        Decision decision = evaluator().evaluate(List.of(policy), inference,
                spend("inference", new BudgetStatus(1_000_000, 0, 0)));

        assertThat(decision.budgets()).isEmpty();
        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void aPeriodWithoutAPlannedAmountHasNoLimit() throws Exception {
        PlannedBudget decemberOnly = new PlannedBudget("ml-research", "TEAM", "ml-research", BudgetPeriod.MONTH,
                "USD", new TreeMap<>(Map.of(LocalDate.of(2026, 12, 1), new BigDecimal("1.00"))));
        Policy policy = new PolicyParser(RuleRegistry.standard(id -> Optional.of(decemberOnly)))
                .parse(policy("    budget: ml-research\n"), 1);

        Decision decision = evaluator().evaluate(List.of(policy), dayOfP5,
                spend("ml-research", new BudgetStatus(1_000_000, 0, 0)));

        assertThat(decision.budgets()).isEmpty();
        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        BudgetRule rule = (BudgetRule) policy.rules().getFirst();
        assertThat(rule.unplannedPeriod(dev.burnrate.engine.policy.PolicyFixtures.NOW, java.time.ZoneOffset.UTC))
                .contains("2026-11");
        assertThat(rule.unplannedPeriod(java.time.Instant.parse("2026-12-05T00:00:00Z"), java.time.ZoneOffset.UTC))
                .isEmpty();
    }

    @Test
    void anUnknownBudgetIsRefusedByName() {
        assertThat(errors(policy("    budget: nope\n")))
                .anySatisfy(m -> assertThat(m).contains("there is no budget 'nope'"));
    }

    @Test
    void aBudgetThatIsNotATeamOrProjectBudgetIsRefused() {
        assertThat(errors(policy("    budget: research\n")))
                .anySatisfy(m -> assertThat(m).contains("budget 'research' covers a tag scope")
                        .contains("only name team or project budgets"));
    }

    @Test
    void anAmountNextToABudgetIsRefused() {
        assertThat(errors(policy("    budget: ml-research\n    amount: 5000\n")))
                .anySatisfy(m -> assertThat(m).contains("the amount comes from the named budget's plan"));
    }

    @Test
    void aScopeOrPeriodThatAgreesWithTheBudgetMayStayOneThatDisagreesIsRefused() throws Exception {
        assertThat(parse(policy("    budget: ml-research\n    scope: team\n    period: month\n")).rules())
                .hasSize(1);
        assertThat(errors(policy("    budget: ml-research\n    period: quarter\n")))
                .anySatisfy(m -> assertThat(m).contains("budget 'ml-research' has period month, not quarter"));
        assertThat(errors(policy("    budget: ml-research\n    currency: EUR\n")))
                .anySatisfy(m -> assertThat(m).contains("has currency USD, not EUR"));
    }

    @Test
    void withoutPlannedBudgetsNoBudgetCanBeNamed() {
        assertThat(catchThrowableOfType(PolicyValidationException.class, () -> new PolicyParser(
                RuleRegistry.standard()).parse(policy("    budget: ml-research\n"), 1)).getMessage())
                .contains("there is no budget 'ml-research'");
    }

    @Test
    void aRuleWithNeitherAmountNorBudgetSaysWhatIsMissing() {
        assertThat(errors(policy("    period: month\n")))
                .anySatisfy(m -> assertThat(m).contains("give an amount per period, or name a planned budget"));
    }
}
