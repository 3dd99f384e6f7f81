package dev.burnrate.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.burnrate.portal.db.Tables.PROVISIONING_REQUESTS;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.burnrate.engine.policy.budget.BudgetCheck;
import dev.burnrate.portal.budget.BudgetRow;
import dev.burnrate.portal.budget.BudgetService;
import dev.burnrate.portal.provisioning.RequestRepository;
import dev.burnrate.portal.provisioning.RequestState;
import dev.burnrate.portal.provisioning.StoredRequest;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.support.FocusSamples;
import dev.burnrate.portal.support.ProvisioningTestBase;
import dev.burnrate.portal.support.RunAs;
import dev.burnrate.portal.usage.UsageDatasetService;
import dev.burnrate.portal.usage.VersionSummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A newcomer's first answers, in the browser on the demo data: the default simulation recommends a GPU offering that
 * can finish the job; a real export with NULL costs imports whole and its total is the file's; and after a 72-hour
 * job is approved, the budget's projection grows by the job's planned cost, not by its hourly cost to the month's
 * end. On the way: the request form starts in the team's usual region with its cost centre, and each step says
 * who acts next.
 */
class NewcomerTourIT extends ProvisioningTestBase {

    private static final LocatorAssertions.ContainsTextOptions SLOW_TEXT =
            new LocatorAssertions.ContainsTextOptions().setTimeout(90_000);
    private static final String BUDGET = "ml-research-budget/monthly";

    @Autowired BudgetService budgets;
    @Autowired UsageDatasetService datasets;
    @Autowired RequestRepository requests;
    @Autowired ApplicationContext app;

    private void switchUser(String user) {
        context.close();
        context = page.context().browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1440, 900));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
        loginAs(user);
    }

    private BudgetCheck mlResearchBudget() {
        return RunAs.user(app, "finance", () -> budgets.status(), Role.FINANCE).stream()
                .map(BudgetRow::check).filter(c -> c.key().budgetId().equals(BUDGET)).findFirst().orElseThrow();
    }

    @Test
    void aNewcomersFirstAnswersCanBeTrusted() throws Exception {
        // 1. The default training run: a feasible GPU recommendation.
        loginAs("engineer");
        open("simulate");
        page.locator("#run-simulation").click();
        Locator recommendation = page.locator("#training-recommendation");
        assertThat(recommendation).containsText("Recommended:", SLOW_TEXT);
        assertThat(recommendation).containsText("that finish within 168 h with at least 90% probability");
        assertThat(recommendation.locator(".recommendation-choice")).not().containsText("vCPU");
        screenshot("tour-simulation");

        // 2. A real export with NULL ContractedCost imports whole; its BilledCost total is the file's exact sum.
        String dataset = "tour-export-" + UUID.randomUUID().toString().substring(0, 8);
        Path csv = FocusSamples.withOracleNulls(FocusSamples.sample("tour-source.csv"), dataset + ".csv");
        switchUser("finance");
        open("usage");
        page.locator("#import-dataset input").fill(dataset);
        page.locator("#import-dataset input").press("Tab");
        waitForVaadin(); // the name reaches the server before the upload starts, else it lands in the default dataset
        page.locator("#import-upload input[type=file]").setInputFiles(csv);
        assertThat(page.locator("#import-status")).containsText("Imported 500 of 500 rows", SLOW_TEXT);
        VersionSummary version = SystemRunner.callAsSystem(() -> datasets.versions(dataset)).getFirst();
        org.assertj.core.api.Assertions.assertThat(version.rows()).isEqualTo(500);
        org.assertj.core.api.Assertions.assertThat(BigDecimal.valueOf(version.billedCost())
                .setScale(2, RoundingMode.HALF_UP)).isEqualTo(FocusSamples.exactBilledCost(csv)
                .setScale(2, RoundingMode.HALF_UP));

        // 3. The budget before the job; the page explains what its figures mean.
        open("budgets");
        assertThat(page.locator("#budgets-definition")).containsText("planned duration");
        BudgetCheck before = mlResearchBudget();

        // The form starts in the team's usual region (the demo team ran in eu-north-1, not the first region
        // alphabetically) with a cost centre the team used (the latest: other tests in this portal submit too), and
        // no empty tag.
        switchUser("engineer");
        open("provision");
        assertThat(page.locator("#region input")).hasValue(Pattern.compile("eu-north-1.*"));
        assertThat(page.locator("#tags textarea"))
                .hasValue(Pattern.compile(".*cost-center=CC-\\d+.*", Pattern.DOTALL));
        org.assertj.core.api.Assertions.assertThat(page.locator("#tags textarea").inputValue())
                .doesNotContainPattern(Pattern.compile("=[ \\t]*(\\R|$)"));
        String name = "tour-" + UUID.randomUUID().toString().substring(0, 8);
        page.locator("#name input").fill(name);
        page.locator("#name input").press("Tab");
        pickCombo(page.locator("#offering input"), "p5.48xlarge");
        page.locator("#submit").click();
        assertThat(page.locator("#result-state")).hasAttribute("data-value", "PENDING_APPROVAL");
        assertThat(page.locator("#result-message")).containsText("now waits for approval by an approver of team "
                + "ml-research (approver");
        assertThat(page.locator("#result-message")).containsText("and by finance (finance");

        switchUser("approver");
        open("approvals");
        Locator card = page.locator(".approval-card").filter(new Locator.FilterOptions().setHasText(name));
        card.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Approve")).click();
        assertThat(page.locator("vaadin-notification-card").last())
                .containsText("now waits for approval by finance (finance");
        switchUser("finance");
        open("approvals");
        card = page.locator(".approval-card").filter(new Locator.FilterOptions().setHasText(name));
        assertThat(card.locator(".approval-budget")).hasCount(1);
        card.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Approve")).click();
        assertThat(page.locator("vaadin-notification-card").last()).containsText("Approved " + name);

        StoredRequest job = requests.find(PROVISIONING_REQUESTS.NAME.eq(name), 1).getFirst();
        for (int i = 0; i < 60 && job.state() != RequestState.PROVISIONED; i++) {
            Thread.sleep(500);
            job = requests.find(job.id()).orElseThrow();
        }
        org.assertj.core.api.Assertions.assertThat(job.state()).isEqualTo(RequestState.PROVISIONED);
        org.assertj.core.api.Assertions.assertThat(job.durationHours()).isEqualTo(72.0);

        // After approval the projection is what it was plus the job's planned cost (72 hours, or the part of them
        // left in the month); the run rate of imported spend, which nothing committed, is unchanged.
        Instant monthEnd = ZonedDateTime.now(ZoneOffset.UTC).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS)
                .plusMonths(1).toInstant();
        double hoursLeft = Duration.between(Instant.now(), monthEnd).toMinutes() / 60.0;
        double planned = job.expectedTotal() * Math.min(1, hoursLeft / 72);
        BudgetCheck after = mlResearchBudget();
        double uncommittedBefore = before.projected() - before.status().actual() - before.status().committed();
        org.assertj.core.api.Assertions.assertThat(after.projected() - after.status().actual()
                - after.status().committed()).isCloseTo(uncommittedBefore, within(0.01));
        // Metering runs every 2 s: a few dollars move from committed to actual meanwhile, the sum stays.
        org.assertj.core.api.Assertions.assertThat(after.projected()).isCloseTo(before.projected() + planned,
                within(5.0));
        switchUser("finance");
        open("budgets");
        screenshot("tour-budget-after-approval");
    }
}
