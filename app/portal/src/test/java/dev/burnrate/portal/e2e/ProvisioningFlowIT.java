package dev.burnrate.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.burnrate.portal.provisioning.MeteredUsageFeed;
import dev.burnrate.portal.provisioning.MeteringJob;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.support.ProvisioningTestBase;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The issue's flow in a real browser: an engineer asks for an H100 training job on personal EU data, is denied in
 * us-east-1 with the reason, moves it to an EU region and is sent for approval by the budget (the demo team is at
 * 75% of its month), the approver and finance approve, the resource runs, and its metered cost shows against the
 * team's budget.
 */
class ProvisioningFlowIT extends ProvisioningTestBase {

    private void pickCombo(String id, String text) {
        pickCombo(page.locator("#" + id + " input"), text);
    }

    private void fill(String selector, String value) {
        page.locator(selector).fill(value);
        page.locator(selector).press("Tab");
        waitForVaadin();
    }

    private Locator previewOutcome(String outcome) {
        return page.locator("#preview-outcome [data-value='" + outcome + "']");
    }

    private void switchUser(String user) {
        context.close();
        context = page.context().browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1440, 900));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
        loginAs(user);
    }

    @Test
    void deniedInUsEast1ApprovedInTheEuRunningAndCountedAgainstTheBudget() {
        loginAs("engineer");
        open("provision");
        pickCombo("region", "us-east-1");
        pickCombo("offering", "p5.48xlarge");
        pickSelect("data-classification", "personal-eu");
        fill("#tags textarea", "cost-center=CC-1234\nowner=engineer\ndata-classification=personal-eu");
        assertThat(previewOutcome("DENY")).isVisible();
        assertThat(page.locator("#preview-reasons")).containsText("us-east-1");
        assertThat(page.locator("#preview-reasons")).not().containsText("Tagging standard");
        screenshot("provision-preview-deny");

        page.locator("#submit").click();
        assertThat(page.locator("#result-state")).hasAttribute("data-value", "DENIED");
        assertThat(page.locator("#result-message")).containsText("jurisdiction US");
        assertThat(page.locator("#result-message")).containsText("allowed jurisdictions: EU");
        screenshot("provision-denied");

        pickCombo("region", "eu-north-1");
        assertThat(page.locator("#offering input")).hasValue(Pattern.compile("p5\\.48xlarge.*"));
        assertThat(previewOutcome("REQUIRE_APPROVAL")).isVisible();
        assertThat(page.locator("#preview-outcome")).containsText("APPROVER and FINANCE");
        page.locator("#submit").click();
        assertThat(page.locator("#result-state")).hasAttribute("data-value", "PENDING_APPROVAL");
        assertThat(page.locator("#result-message")).containsText("past the 80% threshold");
        screenshot("provision-pending-approval");

        switchUser("approver");
        open("approvals");
        Locator card = page.locator(".approval-card").filter(new Locator.FilterOptions().setHasText("eu-north-1"));
        assertThat(card).containsText("Budget ml-research-budget/monthly");
        screenshot("approvals-approver");
        card.locator("vaadin-text-field input").fill("Approved for the Q4 model");
        card.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Approve")).click();
        waitForVaadin();
        // The toast says whose verdict the request now waits for, not just "pending approval".
        assertThat(page.locator("vaadin-notification-card").last())
                .containsText("now waits for approval by finance (finance");
        assertThat(page.locator(".approval-card").filter(new Locator.FilterOptions().setHasText("eu-north-1")))
                .hasCount(0);

        switchUser("finance");
        assertThat(page.locator("#notification-count")).hasText(Pattern.compile("[1-9]\\d*"));
        open("approvals");
        Locator financeCard = page.locator(".approval-card").filter(new Locator.FilterOptions().setHasText("eu-north-1"));
        assertThat(financeCard).containsText("APPROVER approved by approver");
        financeCard.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Approve")).click();
        waitForVaadin();
        assertThat(page.locator("vaadin-notification-card").last()).containsText("provisioned");

        switchUser("engineer");
        open("resources");
        assertThat(page.locator("#resources-grid [data-value='RUNNING']")).hasCount(1);
        waitForMeteredCost();
        screenshot("resources-running");

        switchUser("finance");
        assertBudgetShowsMeteredCost();

        // Stopped, its metered hours are final and go to the explorer's metered-usage dataset (metering is run here
        // rather than waited for); the budget still counts them once.
        switchUser("engineer");
        open("resources");
        page.locator("vaadin-button[id^='stop-']").first().click();
        waitForVaadin();
        switchUser("finance");
        assertExplorerShowsMeteredCost();
        assertBudgetShowsMeteredCost();
    }

    @Autowired
    MeteringJob metering;

    private void assertBudgetShowsMeteredCost() {
        String before = "$37,500.00";
        for (int attempt = 0; attempt < 30; attempt++) {
            open("budgets");
            List<String> cells = page.locator("#budgets-grid vaadin-grid-cell-content").allTextContents();
            if (cells.contains("ml-research-budget/monthly") && cells.stream()
                    .anyMatch(c -> c.matches("\\$37,5\\d\\d\\.\\d\\d") && !c.equals(before))) {
                screenshot("budgets-with-metered-cost");
                return;
            }
            page.waitForTimeout(1000);
        }
        throw new AssertionError("the metered cost never showed in the ML research budget's actual spend");
    }

    /** The metered-usage dataset holds the demo history ($37,500) and, once final, the new resource's hours. */
    private void assertExplorerShowsMeteredCost() {
        String summary = "";
        for (int attempt = 0; attempt < 20; attempt++) {
            SystemRunner.runAsSystem(metering::meterAll);
            open("explorer");
            page.locator("#explorer-dataset").click();
            page.locator("vaadin-select-item").filter(new Locator.FilterOptions()
                    .setHasText(MeteredUsageFeed.DATASET)).first().click();
            waitForVaadin();
            summary = page.locator("#explorer-summary").textContent();
            if (summary.matches(".*total EffectiveCost 37,5\\d\\d\\.\\d\\d.*") && !summary.contains("37,500.00")) {
                assertThat(page.locator("#explorer-table")).containsText("Amazon");
                screenshot("explorer-metered-usage");
                return;
            }
            page.waitForTimeout(500);
        }
        throw new AssertionError("the stopped resource's metered cost never showed in the explorer: " + summary);
    }

    /** Refreshes the inventory until the new resource shows a cost so far above zero. */
    private void waitForMeteredCost() {
        for (int attempt = 0; attempt < 30; attempt++) {
            page.locator("#refresh-resources").click();
            waitForVaadin();
            List<String> costs = page.locator("#resources-grid vaadin-grid-cell-content").allTextContents().stream()
                    .filter(c -> c.matches("\\$[\\d,]+\\.\\d\\d")).toList();
            if (costs.stream().anyMatch(c -> !c.equals("$0.00") && !c.equals("$37,500.00"))) {
                return;
            }
            page.waitForTimeout(1000);
        }
        throw new AssertionError("no cost so far was metered for the new resource");
    }

}
