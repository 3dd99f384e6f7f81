package dev.burnrate.portal.review;

import static dev.burnrate.portal.db.Tables.BUDGET_PLANS;
import static dev.burnrate.portal.db.Tables.BUDGET_PLAN_AMOUNTS;
import static dev.burnrate.portal.db.Tables.REVIEWS;
import static dev.burnrate.portal.db.Tables.REVIEW_DATA_VERSIONS;
import static dev.burnrate.portal.db.Tables.REVIEW_EXPLANATIONS;
import static dev.burnrate.portal.db.Tables.REVIEW_LINES;
import static dev.burnrate.portal.db.Tables.REVIEW_PROPOSALS;
import static dev.burnrate.portal.db.Tables.REVIEW_REOPENINGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.api.UsageRecord;
import dev.burnrate.portal.audit.AuditFilter;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.budget.plan.PeriodLocks;
import dev.burnrate.portal.budget.plan.PlanGranularity;
import dev.burnrate.portal.finance.Cents;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.support.BrowserTestBase;
import dev.burnrate.portal.support.RunAs;
import dev.burnrate.portal.usage.UsageImportService;
import dev.burnrate.portal.user.UserRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * Reviews in the running portal over imported billing data (months of 2015 that no other test uses, teams, services
 * and budgets of this test only): the lines add up to each currency's total to the cent, unbudgeted spend has its
 * own line, every role may do exactly its part, a signed review does not move after a new import and locks the
 * period, reopening is audited, and of two finance users signing at once one wins.
 */
class ReviewServiceIT extends BrowserTestBase {

    @Autowired ApplicationContext app;
    @Autowired ReviewService service;
    @Autowired ReviewDrilldown drilldown;
    @Autowired ReviewReport reviewReport;
    @Autowired UsageImportService imports;
    @Autowired UserRepository users;
    @Autowired AuditService audit;
    @Autowired List<PeriodLocks> locks;
    @Autowired DSLContext dsl;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String dataset = "it-review-" + suffix;
    private final String alpha = "it-rev-alpha-" + suffix;
    private final String beta = "it-rev-beta-" + suffix;
    private final String budgetId = "it-rev-" + suffix;
    private final List<Long> reviewIds = new ArrayList<>();
    /** Every amount imported into the test's month, as the decimal written in the rows. */
    private final List<UsageRecordAmount> imported = new ArrayList<>();

    private record UsageRecordAmount(String currency, BigDecimal amount) {
    }

    private ReviewPeriod month(int m) {
        return new ReviewPeriod(PlanGranularity.MONTH, LocalDate.of(2015, m, 1));
    }

    private UsageRecord row(ReviewPeriod period, int day, String team, String currency, String amount) {
        Instant from = period.start().plusDays(day).atStartOfDay().toInstant(ZoneOffset.UTC);
        double cost = Double.parseDouble(amount);
        return new UsageRecord("acct-" + suffix, "sub", from, from.plus(1, ChronoUnit.DAYS), "Usage", "compute",
                "Standard", cost, cost, cost, cost, currency, 24, "Hours", 24, "Hours", "AWS", "svc-" + suffix,
                "Compute", "eu-north-1", "i-" + team + "-" + day, "r", "instance", "sku",
                team == null ? Map.of() : Map.of("team", team));
    }

    private void append(List<UsageRecord> rows) {
        SystemRunner.runAsSystem(() -> imports.appendOrCreate(dataset, "review test", rows, "test", "team", true));
    }

    /** Alpha (budget 1,000 USD) and beta (no budget) spend, untagged spend, a credit and a EUR row. */
    private void importMonth(ReviewPeriod period) {
        List<UsageRecord> rows = List.of(row(period, 0, alpha, "USD", "400.115"),
                row(period, 9, alpha, "USD", "700.333"), row(period, 3, alpha, "USD", "-120.10"),
                row(period, 4, beta, "USD", "250.005"), row(period, 5, null, "USD", "33.333"),
                row(period, 6, beta, "EUR", "99.99"));
        rows.forEach(r -> imported.add(new UsageRecordAmount(r.billingCurrency(),
                new BigDecimal(Double.toString(r.effectiveCost())))));
        append(rows);
    }

    private void budget(ReviewPeriod period, String amount) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        dsl.insertInto(BUDGET_PLANS).set(BUDGET_PLANS.ID, budgetId).set(BUDGET_PLANS.NAME, "Alpha " + suffix)
                .set(BUDGET_PLANS.OWNER_USERNAME, "owner-" + suffix).set(BUDGET_PLANS.SCOPE_KIND, "TEAM")
                .set(BUDGET_PLANS.SCOPE_VALUE, alpha).set(BUDGET_PLANS.CURRENCY, "USD")
                .set(BUDGET_PLANS.GRANULARITY, "MONTH").set(BUDGET_PLANS.CREATED_AT, now)
                .set(BUDGET_PLANS.CREATED_BY, "test").set(BUDGET_PLANS.UPDATED_AT, now)
                .set(BUDGET_PLANS.UPDATED_BY, "test").execute();
        dsl.insertInto(BUDGET_PLAN_AMOUNTS).set(BUDGET_PLAN_AMOUNTS.BUDGET_ID, budgetId)
                .set(BUDGET_PLAN_AMOUNTS.PERIOD_START, period.start())
                .set(BUDGET_PLAN_AMOUNTS.AMOUNT, new BigDecimal(amount)).execute();
    }

    /** A user of one team with one role, as stored (team scoping reads the membership from the database). */
    private String member(String name, String team, Role role) {
        String username = name + "-" + suffix;
        long userId = users.insert(username, username, username + "@example.com", "x");
        long teamId = users.findTeamByName(team).orElseThrow().id();
        users.replaceTeams(userId, Set.of(teamId));
        users.replaceRoles(userId, Set.of(role));
        return username;
    }

    private <T> T as(String name, Supplier<T> work, Role... roles) {
        return RunAs.user(app, name, work, roles);
    }

    private Review open(ReviewPeriod period) {
        Review review = as("finance", () -> service.open(period), Role.FINANCE);
        reviewIds.add(review.id());
        return review;
    }

    private static ReviewLine line(ReviewSheet sheet, String key) {
        return sheet.lines().stream().filter(l -> l.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + key + " in " + sheet.lines()));
    }

    @AfterEach
    void removeThisTestsReviewsAndBudgets() {
        // Signed reviews lock their period for every test of this portal: leave none behind.
        for (var table : List.of(REVIEW_LINES, REVIEW_DATA_VERSIONS, REVIEW_EXPLANATIONS, REVIEW_PROPOSALS,
                REVIEW_REOPENINGS)) {
            dsl.deleteFrom(table).where(table.field("review_id", Long.class).in(reviewIds)).execute();
        }
        dsl.deleteFrom(REVIEWS).where(REVIEWS.ID.in(reviewIds)).execute();
        dsl.deleteFrom(BUDGET_PLANS).where(BUDGET_PLANS.ID.eq(budgetId)).execute();
    }

    @Test
    void theLinesAddUpToEachCurrencysTotalToTheCentAndUnbudgetedSpendHasItsOwnLine() {
        ReviewPeriod period = month(1);
        users.insertTeam(alpha, "review test");
        users.insertTeam(beta, "review test");
        importMonth(period);
        budget(period, "1000.00");
        // The month before: alpha's resource of day 0 ran then too, the one of day 20 only then.
        append(List.of(row(period.previous(), 0, alpha, "USD", "100.00"),
                row(period.previous(), 20, alpha, "USD", "50.00")));

        long id = open(period).id();
        ReviewSheet sheet = as("finance", () -> service.sheet(id), Role.FINANCE);

        for (String currency : List.of("USD", "EUR")) {
            BigDecimal exact = imported.stream().filter(a -> a.currency().equals(currency))
                    .map(UsageRecordAmount::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(Cents.round(line(sheet, "total:" + currency).actual())).isEqualByComparingTo(
                    Cents.round(exact));
            BigDecimal shown = sheet.lines().stream().filter(l -> l.currency().equals(currency)
                            && (l.kind() == LineKind.OVERLAP || l.kind() == LineKind.UNCOVERED
                            || (l.isBudget() && l.parentKey() == null)))
                    .map(l -> Cents.round(l.actual())).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(shown).as(currency + ": budgets + adjustment + not covered").isEqualByComparingTo(
                    Cents.round(exact));
        }
        ReviewLine alphaLine = line(sheet, "budget:" + budgetId);
        assertThat(alphaLine.actual()).isEqualByComparingTo("980.348");
        assertThat(alphaLine.p50()).as("a closed month: forecast = actual").isEqualByComparingTo("980.348");
        assertThat(alphaLine.variance()).isEqualByComparingTo("19.652");
        assertThat(alphaLine.status()).isEqualTo(LineStatus.AT_RISK);
        assertThat(alphaLine.daily()).hasSize(31);
        assertThat(line(sheet, "team:" + beta + ":USD").actual()).isEqualByComparingTo("250.005");
        assertThat(line(sheet, "team:" + beta + ":EUR").actual()).isEqualByComparingTo("99.99");
        assertThat(line(sheet, "uncovered:USD").actual()).isEqualByComparingTo("283.338");
        assertThat(line(sheet, "uncovered:EUR").actual()).isEqualByComparingTo("99.99");
        assertThat(sheet.versions().versions()).anyMatch(v -> v.dataset().equals(dataset));
        assertThat(sheet.complete()).isTrue();

        // Drill-down: alpha's service grew from 150.00 to 980.348; two resources are new, one is gone.
        Drilldown drill = as("finance", () -> drilldown.drill(id, "budget:" + budgetId), Role.FINANCE);
        assertThat(drill.movers()).filteredOn(m -> m.dimension().equals("Service")).singleElement()
                .satisfies(m -> {
                    assertThat(m.value()).isEqualTo("svc-" + suffix);
                    assertThat(m.previous()).isEqualByComparingTo("150.00");
                    assertThat(m.change()).isEqualByComparingTo("830.348");
                });
        assertThat(drill.newResources()).extracting(Drilldown.Mover::value)
                .containsExactlyInAnyOrder("i-" + alpha + "-9", "i-" + alpha + "-3");
        assertThat(drill.removedResources()).extracting(Drilldown.Mover::value)
                .containsExactly("i-" + alpha + "-20");

        // The report carries the same figures, the state and the data versions.
        var report = as("finance", () -> reviewReport.report(id), Role.FINANCE);
        assertThat(report.header()).anySatisfy(f -> assertThat(f.value()).startsWith("Open: figures are live"));
        assertThat(report.header()).anySatisfy(f -> assertThat(f.value()).contains(dataset + "@"));
        assertThat(report.tables().stream().filter(t -> t.name().equals("Lines USD")).findFirst().orElseThrow()
                .rows()).anySatisfy(r -> assertThat(r.get(4)).isEqualTo(new BigDecimal("980.35")));
    }

    @Test
    void aPeriodWithoutDataIsRefusedClearlyAndNothingIsSaved() {
        ReviewPeriod empty = month(2);
        assertThatThrownBy(() -> open(empty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No billing data for 2015-02 (2015-02-01 to 2015-02-28): import the period's billing "
                        + "data first");
        assertThat(service.find(empty)).isEmpty();
        ReviewPeriod future = ReviewPeriod.containing(PlanGranularity.MONTH, LocalDate.now(ZoneOffset.UTC)
                .plusMonths(2));
        assertThatThrownBy(() -> open(future)).hasMessageContaining("has not started yet");
    }

    @Test
    void everyRoleMayDoExactlyItsPart() {
        ReviewPeriod period = month(3);
        users.insertTeam(alpha, "review test");
        users.insertTeam(beta, "review test");
        importMonth(period);
        budget(period, "1000.00");
        String engineer = member("eng", alpha, Role.ENGINEER);
        String approver = member("appr", alpha, Role.APPROVER);

        assertThatThrownBy(() -> as(engineer, () -> service.open(period), Role.ENGINEER))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(approver, () -> service.open(period), Role.APPROVER))
                .isInstanceOf(AccessDeniedException.class);
        long id = open(period).id();
        String alphaKey = "budget:" + budgetId;

        // The engineer reads the lines of their team only, and may not write.
        ReviewSheet seen = as(engineer, () -> service.sheet(id), Role.ENGINEER);
        assertThat(seen.lines()).extracting(ReviewLine::key).containsExactly(alphaKey);
        assertThat(seen.complete()).isFalse();
        assertThat(seen.explainable()).isEmpty();
        assertThat(seen.maySign()).isFalse();
        assertThatThrownBy(() -> as(engineer, () -> service.explain(id, alphaKey, "x"), Role.ENGINEER))
                .isInstanceOf(AccessDeniedException.class);

        // The budget's owner, an approver of another team, reads the budget's whole figure and may explain it.
        String owner = member("owner", beta, Role.APPROVER);
        ReviewSheet owned = as(owner, () -> service.sheet(id), Role.APPROVER);
        assertThat(line(owned, alphaKey).actual()).isEqualByComparingTo("980.348");
        assertThat(owned.explainable()).contains(alphaKey, "team:" + beta + ":USD");

        // The approver explains and proposes for their team's budget, not for another team's line.
        assertThat(as(approver, () -> service.sheet(id), Role.APPROVER).explainable()).containsExactly(alphaKey);
        as(approver, () -> service.explain(id, alphaKey, "One training run more than planned"), Role.APPROVER);
        Proposal proposal = as(approver, () -> service.propose(id, alphaKey, new BigDecimal("1100.00"), "to end"),
                Role.APPROVER);
        assertThatThrownBy(() -> as(approver, () -> service.explain(id, "team:" + beta + ":USD", "not mine"),
                Role.APPROVER)).isInstanceOf(AccessDeniedException.class).hasMessageContaining("your teams");
        assertThatThrownBy(() -> as(approver, () -> service.propose(id, alphaKey, new BigDecimal("-1"), null),
                Role.APPROVER)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 or more");

        // Only finance decides and signs; an admin can do neither.
        assertThatThrownBy(() -> as(approver, () -> service.decide(proposal.id(), true, null), Role.APPROVER))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("admin", () -> service.sign(id, 0), Role.ADMIN))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(approver, () -> service.sign(id, 0), Role.APPROVER))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as("finance", () -> service.decide(proposal.id(), true, "fair"), Role.FINANCE).decision())
                .isEqualTo(Proposal.Decision.ACCEPTED);
        as(approver, () -> service.explain(id, alphaKey, "One training run more, approved in December"),
                Role.APPROVER);

        ReviewSheet finance = as("finance", () -> service.sheet(id), Role.FINANCE);
        assertThat(finance.explanationsOf(alphaKey)).extracting(Explanation::version, Explanation::author)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, approver),
                        org.assertj.core.groups.Tuple.tuple(2, approver));
        assertThat(finance.proposalsOf(alphaKey)).singleElement().extracting(Proposal::decision)
                .isEqualTo(Proposal.Decision.ACCEPTED);
        assertThat(as("admin", () -> audit.find(new AuditFilter(null, null, null, null), 0, 200), Role.ADMIN))
                .filteredOn(e -> e.target().startsWith("review:2015-03")).extracting(e -> e.action())
                .contains("review.open", "review.explain", "review.propose", "review.decide");
    }

    @Test
    void aSignedReviewKeepsItsFiguresAfterANewImportLocksThePeriodAndReopensOnlyWithAReason() {
        ReviewPeriod period = month(4);
        users.insertTeam(alpha, "review test");
        users.insertTeam(beta, "review test");
        importMonth(period);
        budget(period, "1000.00");
        Review review = open(period);
        ReviewSheet before = as("finance", () -> service.sheet(review.id()), Role.FINANCE);

        Review signed = as("finance", () -> service.sign(review.id(), review.version()), Role.FINANCE);
        assertThat(signed.state()).isEqualTo(ReviewState.SIGNED);
        assertThat(signed.signedBy()).isEqualTo("finance");

        // A late import into the signed month: the signed figures do not move; a live computation would.
        append(List.of(row(period, 12, alpha, "USD", "5000.00")));
        ReviewSheet after = as("finance", () -> service.sheet(review.id()), Role.FINANCE);
        assertThat(after.lines()).extracting(ReviewLine::key, l -> Cents.round(l.actual()))
                .containsExactlyElementsOf(before.lines().stream().map(l -> org.assertj.core.groups.Tuple.tuple(
                        l.key(), Cents.round(l.actual()))).toList());
        assertThat(line(after, "budget:" + budgetId).actual()).isEqualByComparingTo("980.35");
        assertThat(after.versions().versions()).containsExactlyInAnyOrderElementsOf(before.versions().versions());
        assertThat(after.mayReopen()).isTrue();
        var report = as("finance", () -> reviewReport.report(review.id()), Role.FINANCE);
        assertThat(report.header()).anySatisfy(f -> assertThat(f.value()).startsWith("Signed by finance on "));
        assertThat(report.tables().stream().filter(t -> t.name().equals("Lines USD")).findFirst().orElseThrow()
                .rows()).anySatisfy(r -> assertThat(r.get(4)).isEqualTo(new BigDecimal("980.35")));
        assertThatThrownBy(() -> as("finance", () -> service.explain(review.id(), "budget:" + budgetId, "late"),
                Role.FINANCE)).hasMessageContaining("signed and locked");

        // Budget edits of the month are refused with the reason.
        assertThat(locks).anySatisfy(l -> assertThat(l.lockedReason(period.start().plusDays(3),
                period.start().plusDays(4))).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("2015-04 was signed off by finance on ")));

        // Reopening needs a reason, is audited, and shows live figures again (now with the late import).
        assertThatThrownBy(() -> as("finance", () -> service.reopen(review.id(), signed.version(), " "),
                Role.FINANCE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be empty");
        as("finance", () -> service.reopen(review.id(), signed.version(), "AWS credit arrived late"),
                Role.FINANCE);
        assertThat(locks).allSatisfy(l -> assertThat(l.lockedReason(period.start(), period.end())).isEmpty());
        assertThat(line(as("finance", () -> service.sheet(review.id()), Role.FINANCE), "budget:" + budgetId)
                .actual()).isEqualByComparingTo("5980.348");
        assertThat(as("admin", () -> audit.find(new AuditFilter(null, null, null, null), 0, 200), Role.ADMIN))
                .filteredOn(e -> e.target().equals("review:2015-04")).extracting(e -> e.action())
                .contains("review.sign", "review.reopen");
    }

    @Test
    void ofTwoFinanceUsersSigningAtOnceOneWinsAndTheOtherIsToldClearly() throws Exception {
        ReviewPeriod period = month(5);
        users.insertTeam(alpha, "review test");
        users.insertTeam(beta, "review test");
        importMonth(period);
        Review review = open(period);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Object> fay = () -> signAs("fay", review);
            Callable<Object> gus = () -> signAs("gus", review);
            Future<Object> first = pool.submit(fay);
            Future<Object> second = pool.submit(gus);
            List<Object> outcomes = List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));

            assertThat(outcomes).filteredOn(o -> o instanceof Review).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof IllegalStateException).singleElement()
                    .satisfies(e -> assertThat(((Exception) e).getMessage()).contains("signed"));
        } finally {
            pool.shutdownNow();
        }
        Review signed = service.find(period).orElseThrow();
        assertThat(signed.signoffNo()).isEqualTo(1);
        assertThat(dsl.fetchCount(REVIEW_LINES, REVIEW_LINES.REVIEW_ID.eq(review.id())))
                .isEqualTo(as(signed.signedBy(), () -> service.sheet(review.id()), Role.FINANCE).lines().size());
    }

    @Test
    void anOpenMonthIsForecastToItsEndByTheEnginesForecaster() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ReviewPeriod current = ReviewPeriod.containing(PlanGranularity.MONTH, today);
        users.insertTeam(alpha, "review test");
        // 100 a day on weekdays, 40 at weekends, for eight weeks before the month and up to yesterday.
        List<UsageRecord> rows = new ArrayList<>();
        for (LocalDate d = current.start().minusDays(56); d.isBefore(today); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek().getValue() >= 6;
            rows.add(row(new ReviewPeriod(PlanGranularity.MONTH, d.withDayOfMonth(1)), d.getDayOfMonth() - 1, alpha,
                    "USD", weekend ? "40" : "100"));
        }
        append(rows);
        budget(current, "100000.00");

        ReviewLine line = line(as("finance", () -> service.sheet(open(current).id()), Role.FINANCE),
                "budget:" + budgetId);

        long daysLeft = java.time.temporal.ChronoUnit.DAYS.between(today, current.end());
        assertThat(line.forecastModel()).isNotEqualTo(ReviewCalculator.CLOSED_MODEL).isNotBlank();
        BigDecimal forecastOfDaysLeft = line.p50().subtract(line.actual());
        assertThat(forecastOfDaysLeft.doubleValue()).isBetween(35.0 * daysLeft, 105.0 * daysLeft);
        assertThat(line.p10()).isLessThanOrEqualTo(line.p50());
        assertThat(line.p90()).isGreaterThanOrEqualTo(line.p50());
        assertThat(line.status()).isEqualTo(LineStatus.ON_TRACK);
    }

    private Object signAs(String who, Review review) {
        try {
            return as(who, () -> service.sign(review.id(), review.version()), Role.FINANCE);
        } catch (IllegalStateException e) {
            return e;
        }
    }
}
