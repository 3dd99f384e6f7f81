package dev.burnrate.portal.review;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.burnrate.portal.db.Tables.BUDGET_PLANS;
import static dev.burnrate.portal.db.Tables.BUDGET_PLAN_AMOUNTS;
import static dev.burnrate.portal.db.Tables.REVIEWS;
import static dev.burnrate.portal.db.Tables.REVIEW_DATA_VERSIONS;
import static dev.burnrate.portal.db.Tables.REVIEW_EXPLANATIONS;
import static dev.burnrate.portal.db.Tables.REVIEW_LINES;
import static dev.burnrate.portal.db.Tables.REVIEW_PROPOSALS;
import static dev.burnrate.portal.db.Tables.REVIEW_REOPENINGS;

import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.burnrate.api.UsageRecord;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.support.BrowserTestBase;
import dev.burnrate.portal.usage.UsageImportService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The month-end on the page, in a month of 2015 that only this test uses: finance opens the review and drills into
 * the over-budget line, the approver explains it, finance signs, and the locked figures stay after a new import.
 */
class ReviewPageIT extends BrowserTestBase {

    private static final LocalDate JUNE = LocalDate.of(2015, 6, 1);
    private static final LocatorAssertions.ContainsTextOptions SLOW = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(60_000);

    @Autowired UsageImportService imports;
    @Autowired DSLContext dsl;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String budgetId = "it-page-" + suffix;
    private final String dataset = "it-review-page-" + suffix;

    private UsageRecord row(LocalDate day, String resource, double cost) {
        Instant from = day.atStartOfDay().toInstant(ZoneOffset.UTC);
        return new UsageRecord("acct-" + suffix, "sub", from, from.plus(1, ChronoUnit.DAYS), "Usage", "compute",
                "Standard", cost, cost, cost, cost, "USD", 24, "Hours", 24, "Hours", "AWS", "svc-" + suffix,
                "Compute", "eu-north-1", resource, resource, "instance", "sku", Map.of("team", "inference"));
    }

    private void append(List<UsageRecord> rows) {
        SystemRunner.runAsSystem(() -> imports.appendOrCreate(dataset, "review page test", rows, "test", "team",
                true));
    }

    @AfterEach
    void removeThisTestsReviewAndBudget() {
        List<Long> ids = dsl.select(REVIEWS.ID).from(REVIEWS).where(REVIEWS.PERIOD_START.eq(JUNE)).fetch(REVIEWS.ID);
        for (var table : List.of(REVIEW_LINES, REVIEW_DATA_VERSIONS, REVIEW_EXPLANATIONS, REVIEW_PROPOSALS,
                REVIEW_REOPENINGS)) {
            dsl.deleteFrom(table).where(table.field("review_id", Long.class).in(ids)).execute();
        }
        dsl.deleteFrom(REVIEWS).where(REVIEWS.ID.in(ids)).execute();
        dsl.deleteFrom(BUDGET_PLANS).where(BUDGET_PLANS.ID.eq(budgetId)).execute();
    }

    /** Waits for the text; when it does not come, says what the page's status line said and takes a screenshot. */
    private void expect(String selector, String text, String step) {
        try {
            assertThat(page.locator(selector)).containsText(text, SLOW);
        } catch (AssertionError e) {
            screenshot("review-failed-" + step);
            throw new AssertionError(step + ": " + e.getMessage() + "; the page's status said: "
                    + page.locator("#review-status").textContent(), e);
        }
    }

    @Test
    void financeOpensDrillsTheApproverExplainsFinanceSignsAndTheFiguresStay() {
        append(List.of(row(JUNE.minusDays(10), "i-old", 200), row(JUNE.plusDays(2), "i-old", 300),
                row(JUNE.plusDays(9), "i-new", 680.35)));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        dsl.insertInto(BUDGET_PLANS).set(BUDGET_PLANS.ID, budgetId).set(BUDGET_PLANS.NAME, "Inference " + suffix)
                .set(BUDGET_PLANS.OWNER_USERNAME, "approver").set(BUDGET_PLANS.SCOPE_KIND, "TEAM")
                .set(BUDGET_PLANS.SCOPE_VALUE, "inference").set(BUDGET_PLANS.CURRENCY, "USD")
                .set(BUDGET_PLANS.GRANULARITY, "MONTH").set(BUDGET_PLANS.CREATED_AT, now)
                .set(BUDGET_PLANS.CREATED_BY, "test").set(BUDGET_PLANS.UPDATED_AT, now)
                .set(BUDGET_PLANS.UPDATED_BY, "test").execute();
        dsl.insertInto(BUDGET_PLAN_AMOUNTS).set(BUDGET_PLAN_AMOUNTS.BUDGET_ID, budgetId)
                .set(BUDGET_PLAN_AMOUNTS.PERIOD_START, JUNE).set(BUDGET_PLAN_AMOUNTS.AMOUNT, new BigDecimal("800"))
                .execute();
        String row = "budget-" + ReviewGrid.domId(budgetId);

        loginAs("finance");
        open("reviews?period=2015-06");
        page.locator("#review-open").click();
        assertThat(page.locator("#review-grid")).containsText("Inference " + suffix, SLOW);
        assertThat(page.locator("#review-grid")).containsText("980.35 USD");
        assertThat(page.locator("#review-grid")).containsText("Over");
        assertThat(page.locator("#review-banner")).containsText("Open: figures are live");
        waitForVaadin();
        page.locator("#drill-" + row).click();
        expect("#drilldown-new", "i-new", "drilldown");
        assertThat(page.locator("#drilldown-movers")).containsText("svc-" + suffix);
        screenshot("review-drilldown");

        context.clearCookies();
        loginAs("approver");
        open("reviews?period=2015-06");
        assertThat(page.locator("#review-grid")).containsText("980.35 USD", SLOW);
        waitForVaadin();
        page.locator("#explain-" + row).click();
        assertThat(page.locator("#explain-text")).isVisible();
        page.locator("#explain-text textarea").fill("A second inference cluster for the June launch");
        page.locator("#explain-reforecast input").fill("1000");
        page.locator("#explain-save").click();
        waitForVaadin();
        expect("#review-grid", "A second inference cluster", "explained");
        assertThat(page.locator("#review-proposals")).containsText("1,000.00 USD");

        context.clearCookies();
        loginAs("finance");
        open("reviews?period=2015-06");
        assertThat(page.locator("#review-sign")).isVisible(new LocatorAssertions.IsVisibleOptions()
                .setTimeout(60_000));
        page.locator("#review-sign").click();
        assertThat(page.locator("#review-banner")).containsText("Locked: Signed by finance", SLOW);

        // A late import into June: the signed page does not move.
        append(List.of(row(JUNE.plusDays(20), "i-late", 5_000)));
        open("reviews?period=2015-06");
        assertThat(page.locator("#review-banner")).containsText("Locked", SLOW);
        assertThat(page.locator("#review-grid")).containsText("980.35 USD", SLOW);
        assertThat(page.locator("#review-grid")).not().containsText("5,980.35");
        assertThat(page.locator("#review-reopen")).isVisible();
        screenshot("review-signed");
    }
}
