package dev.burnrate.portal.budget.plan;

import static dev.burnrate.portal.budget.plan.PlanFixture.month;
import static dev.burnrate.portal.budget.plan.PlanFixture.team;
import static dev.burnrate.portal.budget.plan.PlanFixture.withParent;
import static dev.burnrate.portal.db.Tables.AUDIT_LOG;
import static dev.burnrate.portal.db.Tables.BUDGET_PLANS;
import static dev.burnrate.portal.db.Tables.BUDGET_PLAN_AMOUNTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.burnrate.portal.currency.ExchangeRate;
import dev.burnrate.portal.support.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Budget plans on H2 and PostgreSQL: exact amounts, whole-or-nothing validation, versions, audit, visibility. */
class BudgetPlanServiceIT {

    private static final String BOTH = "dev.burnrate.portal.support.TestDatabases#both";

    @ParameterizedTest
    @MethodSource(BOTH)
    void aBudgetIsStoredExactlyAsTypedAndAudited(TestDatabase db) {
        PlanFixture f = new PlanFixture(db);
        BudgetPlan plan = f.asFinance(() -> f.service.create(team("ml-research", "ml-research",
                Map.of(month(2027, 1), "9,500.50", month(2027, 2), "14000", month(2027, 3), " "))));

        assertThat(plan.version()).isZero();
        assertThat(plan.amounts()).containsExactly(Map.entry(month(2027, 1), new BigDecimal("9500.50")),
                Map.entry(month(2027, 2), new BigDecimal("14000.00")));
        var entry = f.dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("budget-plan.create")).fetchSingle();
        assertThat(entry.getActor()).isEqualTo("finance");
        assertThat(entry.getTarget()).isEqualTo("budget-plan:ml-research");
        assertThat(entry.getAfterJson()).contains("\"2027-01-01\":\"9500.50\"").contains("TEAM:ml-research");
        assertThat(f.events).containsExactly(new BudgetPlansChanged("ml-research"));
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void badInputIsRefusedWithAMessagePerFieldAndNothingIsSaved(TestDatabase db) {
        PlanFixture f = new PlanFixture(db);
        PlanDraft bad = new PlanDraft("ml-research", " ", "nobody", "TEAM", "ml-research", null, "DOLLARS", "MONTH",
                null, new TreeMap<>(Map.of(month(2027, 1), "-5", month(2027, 2), "lots", month(2027, 3), "1.234",
                month(2027, 4), "100", LocalDate.of(2027, 5, 15), "1")));

        PlanValidationException e = catchThrowableOfType(PlanValidationException.class,
                () -> f.asFinance(() -> f.service.create(bad)));

        assertThat(e.errors()).containsOnlyKeys("name", "owner", "currency", "amount:2027-01-01",
                "amount:2027-02-01", "amount:2027-03-01", "amount:2027-05-15");
        assertThat(e.errors().get("owner")).isEqualTo("there is no user 'nobody'");
        assertThat(e.errors().get("currency")).contains("'DOLLARS' is not an ISO 4217 currency code");
        assertThat(e.errors().get("amount:2027-01-01")).isEqualTo("2027-01: must not be negative (was -5)");
        assertThat(e.errors().get("amount:2027-02-01")).contains("2027-02: \"lots\" is not an amount");
        assertThat(e.errors().get("amount:2027-03-01")).contains("2027-03: 1.234 has more than two decimals");
        assertThat(e.errors().get("amount:2027-05-15")).contains("is not the first day of a month");
        assertThat(f.dsl.fetchCount(BUDGET_PLANS)).isZero();
        assertThat(f.dsl.fetchCount(BUDGET_PLAN_AMOUNTS)).isZero();
        assertThat(f.dsl.fetchCount(AUDIT_LOG)).isZero();
        assertThat(f.events).isEmpty();
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void aFailedUpdateLeavesTheBudgetAsItWas(TestDatabase db) {
        PlanFixture f = new PlanFixture(db);
        f.asFinance(() -> f.service.create(team("ml-research", "ml-research", Map.of(month(2027, 1), "100"))));

        var e = catchThrowableOfType(PlanValidationException.class, () -> f.asFinance(() -> f.service.update(
                "ml-research", 0, team("ml-research", "ml-research",
                        Map.of(month(2027, 1), "200", month(2027, 2), "300", month(2027, 3), "x")))));

        assertThat(e.errors()).containsOnlyKeys("amount:2027-03-01");
        BudgetPlan stored = f.stored("ml-research").orElseThrow();
        assertThat(stored.version()).isZero();
        assertThat(stored.amounts()).containsExactly(Map.entry(month(2027, 1), new BigDecimal("100.00")));
        assertThat(f.auditEntries("budget-plan.update")).isZero();
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void aStaleEditIsRefusedNamingWhoChangedTheBudget(TestDatabase db) {
        PlanFixture f = new PlanFixture(db);
        f.asFinance(() -> f.service.create(team("ml-research", "ml-research", Map.of(month(2027, 1), "100"))));
        BudgetPlan first = f.asFinance(() -> f.service.update("ml-research", 0,
                team("ml-research", "ml-research", Map.of(month(2027, 1), "150"))));
        assertThat(first.version()).isEqualTo(1);

        StalePlanException e = catchThrowableOfType(StalePlanException.class, () -> f.asFinance(() ->
                f.service.update("ml-research", 0, team("ml-research", "ml-research", Map.of(month(2027, 1), "999")))));

        assertThat(e.getMessage()).contains("Budget 'Team ml-research' was changed by finance at 2026-12-07T12:00:00Z"
                + " since you opened it (you opened version 0)").contains("Nothing was saved");
        assertThat(f.stored("ml-research").orElseThrow().amountFor(month(2027, 1))).contains(new BigDecimal("150.00"));
        assertThat(f.auditEntries("budget-plan.update")).isEqualTo(1);
        var audit = f.dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("budget-plan.update")).fetchSingle();
        assertThat(audit.getBeforeJson()).contains("\"2027-01-01\":\"100.00\"");
        assertThat(audit.getAfterJson()).contains("\"2027-01-01\":\"150.00\"");

        StalePlanException gone = catchThrowableOfType(StalePlanException.class, () -> f.asFinance(() -> {
            f.service.delete("ml-research", 1);
            return f.service.update("ml-research", 1, team("ml-research", "ml-research", Map.of()));
        }));
        assertThat(gone.getMessage()).contains("was deleted since you opened it");
        assertThat(f.auditEntries("budget-plan.delete")).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void twoBudgetsOfOneScopeAreRefusedUnlessOneRollsUpToTheOther(TestDatabase db) {
        PlanFixture f = new PlanFixture(db);
        f.asFinance(() -> f.service.create(team("a", "ml-research", Map.of())));

        var e = catchThrowableOfType(PlanValidationException.class,
                () -> f.asFinance(() -> f.service.create(team("b", "ml-research", Map.of()))));
        assertThat(e.errors().get("scope")).isEqualTo("Team ml-research (EffectiveCost) is already covered by budget"
                + " 'Team ml-research' (a); choose another scope or make one budget the other's parent");

        f.asFinance(() -> f.service.create(withParent(team("b", "ml-research", Map.of()), "a")));
        assertThat(f.stored("b")).isPresent();
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void parentsMustNotFormACycleAndShareCurrencyAndPeriods(TestDatabase db) {
        PlanFixture f = new PlanFixture(db);
        f.asFinance(() -> f.service.create(team("a", "alpha", Map.of())));
        f.asFinance(() -> f.service.create(withParent(team("b", "beta", Map.of()), "a")));

        var cycle = catchThrowableOfType(PlanValidationException.class, () -> f.asFinance(() ->
                f.service.update("a", 0, withParent(team("a", "alpha", Map.of()), "b"))));
        assertThat(cycle.errors().get("parent")).isEqualTo("'Team beta' rolls up to this budget; a budget cannot "
                + "roll up to itself");

        PlanDraft quarterlyInEuro = new PlanDraft("c", "C", "approver", "TEAM", "gamma", null, "EUR", "QUARTER", "a",
                Map.of());
        var child = catchThrowableOfType(PlanValidationException.class,
                () -> f.asFinance(() -> f.service.create(quarterlyInEuro)));
        assertThat(child.errors().get("currency")).contains("the parent 'Team alpha' is kept in USD");
        assertThat(child.errors().get("granularity")).contains("the parent 'Team alpha' is planned per month");

        var unknown = catchThrowableOfType(PlanValidationException.class, () -> f.asFinance(() ->
                f.service.create(withParent(team("d", "delta", Map.of()), "nope"))));
        assertThat(unknown.errors().get("parent")).isEqualTo("there is no budget 'nope'");
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void aCurrencyTheScopesSpendWasNeverBilledInNeedsAnExchangeRate(TestDatabase db) {
        PlanFixture f = new PlanFixture(db);
        f.billedIn.put("eu-team", Set.of("EUR", "GBP"));

        var e = catchThrowableOfType(PlanValidationException.class,
                () -> f.asFinance(() -> f.service.create(team("eu", "eu-team", Map.of()))));
        assertThat(e.errors().get("currency")).isEqualTo("Team eu-team was billed only in EUR, GBP in the last 12 "
                + "months and there is no exchange rate to USD; plan in EUR or GBP, or add an exchange rate first");

        f.rates.put(new ExchangeRate("EUR", "USD", LocalDate.of(2026, 1, 1), 1.1), "finance", PlanFixture.NOW);
        f.asFinance(() -> f.service.create(team("eu", "eu-team", Map.of())));
        assertThat(f.stored("eu")).isPresent();
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void aPeriodASignedReviewCoversCannotBeChanged(TestDatabase db) {
        PlanFixture f = new PlanFixture(db);
        f.asFinance(() -> f.service.create(team("ml", "ml-research",
                Map.of(month(2026, 11), "100", month(2026, 12), "100"))));
        f.locked.put(month(2026, 11), "2026-11 was signed off by finance on 2026-12-03; reopen the review to change it");

        var e = catchThrowableOfType(PlanValidationException.class, () -> f.asFinance(() -> f.service.update("ml", 0,
                team("ml", "ml-research", Map.of(month(2026, 11), "120", month(2026, 12), "100")))));
        assertThat(e.errors()).containsExactly(Map.entry("amount:2026-11-01", "2026-11 is locked: 2026-11 was signed"
                + " off by finance on 2026-12-03; reopen the review to change it"));

        BudgetPlan december = f.asFinance(() -> f.service.update("ml", 0,
                team("ml", "ml-research", Map.of(month(2026, 11), "100", month(2026, 12), "130"))));
        assertThat(december.amountFor(month(2026, 12))).contains(new BigDecimal("130.00"));

        var delete = catchThrowableOfType(PlanValidationException.class,
                () -> f.asFinance(() -> { f.service.delete("ml", 1); return null; }));
        assertThat(delete.errors()).containsKey("amount:2026-11-01");
        assertThat(f.stored("ml")).isPresent();
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void aBudgetAPolicyNamesCannotBeDeletedOrLeaveTeamScope(TestDatabase db) {
        PlanFixture f = new PlanFixture(db);
        f.asFinance(() -> f.service.create(team("ml", "ml-research", Map.of())));
        f.namedBy.put("ml", List.of("ml-research-budget"));

        var delete = catchThrowableOfType(PlanValidationException.class,
                () -> f.asFinance(() -> { f.service.delete("ml", 0); return null; }));
        assertThat(delete.errors().get("id")).isEqualTo("policies [ml-research-budget] name this budget; change "
                + "them first");
        var tag = catchThrowableOfType(PlanValidationException.class, () -> f.asFinance(() -> f.service.update("ml",
                0, new PlanDraft("ml", "ML", "approver", "TAG", "cost-center=research", null, "USD", "MONTH", null,
                        Map.of()))));
        assertThat(tag.errors().get("scope")).contains("policies [ml-research-budget] name this budget");
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void copyForwardAddsAPercentageExactlyRoundingHalfEvenToTheCent(TestDatabase db) {
        PlanFixture f = new PlanFixture(db);
        f.asFinance(() -> f.service.create(team("ml", "ml-research", Map.of(month(2026, 1), "1000.05",
                month(2026, 2), "0.50", month(2026, 3), "1.50", month(2025, 3), "7"))));

        BudgetPlan plan = f.asFinance(() -> f.service.copyForward("ml", 0,
                new CopyForward(CopyForward.Source.LAST_YEAR, 2027, "1")));

        // 1000.05 x 1.01 = 1010.0505; 0.50 x 1.01 = 0.505 -> 0.50 (half-even, not 0.51); 1.50 x 1.01 = 1.515 -> 1.52
        assertThat(plan.amounts()).containsEntry(month(2027, 1), new BigDecimal("1010.05"))
                .containsEntry(month(2027, 2), new BigDecimal("0.50"))
                .containsEntry(month(2027, 3), new BigDecimal("1.52"))
                .containsEntry(month(2026, 1), new BigDecimal("1000.05")).hasSize(7);
        assertThat(plan.version()).isEqualTo(1);
        assertThat(f.auditEntries("budget-plan.update")).isEqualTo(1);

        var nothing = catchThrowableOfType(PlanValidationException.class, () -> f.asFinance(() ->
                f.service.previewCopyForward("ml", new CopyForward(CopyForward.Source.LAST_YEAR, 2030, "0"))));
        assertThat(nothing.errors().get("source")).isEqualTo("'Team ml-research' has no plan for 2029 to copy forward");
        var percent = catchThrowableOfType(PlanValidationException.class, () -> f.asFinance(() ->
                f.service.previewCopyForward("ml", new CopyForward(CopyForward.Source.LAST_YEAR, 2027, "five"))));
        assertThat(percent.errors()).containsKey("percent");
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void copyForwardFromTheForecastSumsItsP50PerPeriodAndSaysWhatItDoesNotCover(TestDatabase db) {
        PlanFixture f = new PlanFixture(db);
        f.asFinance(() -> f.service.create(team("ml", "ml-research", Map.of())));
        f.asFinance(() -> f.service.create(team("vision", "vision", Map.of())));
        double[] daily = new double[59];
        java.util.Arrays.fill(daily, 10.10);
        f.forecasts.replace(new dev.burnrate.portal.forecast.StoredSpendForecast("aws", "v1", "team:ml-research",
                "USD", java.time.Instant.parse("2027-01-01T00:00:00Z"), daily, daily, daily,
                new dev.burnrate.engine.forecast.ModelRecord("ets", List.of("level"), PlanFixture.NOW, Double.NaN, 0,
                        "test")));

        CopyForward.Result result = f.asFinance(() -> f.service.previewCopyForward("ml",
                new CopyForward(CopyForward.Source.FORECAST, 2027, "10")));

        // January: 31 x 10.10 = 313.10, +10% = 344.41; February: 28 x 10.10 = 282.80, +10% = 311.08
        assertThat(result.amounts()).containsExactly(Map.entry(month(2027, 1), new BigDecimal("344.41")),
                Map.entry(month(2027, 2), new BigDecimal("311.08")));
        assertThat(result.notes()).singleElement().asString().contains("2027-03, 2027-04")
                .contains("keep their current plan");

        var none = catchThrowableOfType(PlanValidationException.class, () -> f.asFinance(() ->
                f.service.previewCopyForward("vision", new CopyForward(CopyForward.Source.FORECAST, 2027, "0"))));
        assertThat(none.errors().get("source")).startsWith("no spend forecast exists for Team vision yet");
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void childrenRollUpToTheirParentWhichIsFlaggedWhenPlannedBelowThem(TestDatabase db) {
        PlanFixture f = new PlanFixture(db);
        f.asFinance(() -> f.service.create(new PlanDraft("research", "Research", "finance", "TAG",
                "cost-center=research", null, "USD", "MONTH", null, Map.of(month(2027, 1), "100",
                month(2027, 2), "200"))));
        f.asFinance(() -> f.service.create(withParent(team("ml", "ml-research",
                Map.of(month(2027, 1), "60", month(2027, 2), "90")), "research")));
        f.asFinance(() -> f.service.create(withParent(team("vision", "vision",
                Map.of(month(2027, 1), "50.01", month(2027, 2), "10")), "research")));

        List<PlanRollUp> rows = f.asFinance(f.service::rollUp);

        assertThat(rows).extracting(r -> r.plan().id() + "@" + r.depth()).containsExactly("research@0", "ml@1",
                "vision@1");
        PlanRollUp research = rows.getFirst();
        assertThat(research.childrenSum()).containsExactly(Map.entry(month(2027, 1), new BigDecimal("110.01")),
                Map.entry(month(2027, 2), new BigDecimal("100.00")));
        assertThat(research.belowChildren()).containsExactly(month(2027, 1));
        assertThat(rows.get(1).hasChildren()).isFalse();
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void engineersSeeTheirTeamsBudgetsOwnersTheirsFinanceAll(TestDatabase db) {
        PlanFixture f = new PlanFixture(db);
        f.asFinance(() -> f.service.create(team("ml", "ml-research", Map.of(month(2026, 12), "50000"))));
        f.asFinance(() -> f.service.create(team("vision", "vision", Map.of())));
        f.asFinance(() -> f.service.create(new PlanDraft("research", "Research", "finance", "TAG",
                "cost-center=research", null, "USD", "MONTH", null, Map.of())));

        assertThat(PlanFixture.as("eve", "ENGINEER", f.service::visible)).extracting(BudgetPlan::id)
                .containsExactly("ml");
        assertThat(PlanFixture.as("eve", "ENGINEER", () -> f.service.amountFor("ml", LocalDate.of(2026, 12, 24))))
                .contains(new BigDecimal("50000.00"));
        assertThat(PlanFixture.as("eve", "ENGINEER", () -> f.service.find("vision"))).isEmpty();
        assertThat(PlanFixture.as("approver", "APPROVER", f.service::visible)).extracting(BudgetPlan::id)
                .containsExactlyInAnyOrder("ml", "vision");
        assertThat(f.asFinance(f.service::visible)).hasSize(3);
    }
}
