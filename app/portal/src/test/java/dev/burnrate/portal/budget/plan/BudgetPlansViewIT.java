package dev.burnrate.portal.budget.plan;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.burnrate.portal.support.BrowserTestBase;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The Budget plans page in the browser: finance sees the demo roll-up and an amount the service refuses is shown on
 * its own field (nothing is saved, so the shared demo portal stays as loaded); an engineer reads only.
 */
class BudgetPlansViewIT extends BrowserTestBase {

    private final String january = LocalDate.now(ZoneOffset.UTC).withDayOfYear(1).toString();

    @Test
    void financeSeesTheRollUpAndARefusedAmountOnItsField() {
        loginAs("finance");
        open("budget-plans");
        Locator grid = page.locator("#plans-grid");
        assertThat(grid).containsText("Research");
        assertThat(grid).containsText("Vision");
        assertThat(grid).containsText("children 59,500.00 USD");
        screenshot("budget-plans-finance");

        page.locator("#plans-new").click();
        page.getByLabel("Id", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true)).fill("it-refused");
        page.getByLabel("Name", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true)).fill("Refused");
        page.locator("#plan-amount-" + january + " input").fill("-5");
        page.locator("#plan-save").click();
        waitForVaadin();

        Locator amount = page.locator("#plan-amount-" + january);
        assertThat(amount).hasAttribute("invalid", "");
        assertThat(amount).containsText("must not be negative (was -5)");
        assertThat(page.getByText("give the user who owns (explains) this budget")).isVisible();
        screenshot("budget-plans-refused-amount");
        page.getByText("Cancel").click();
        open("budget-plans");
        assertThat(page.locator("#plans-grid")).not().containsText("Refused");
    }

    @Test
    void anEngineerReadsTheirTeamsPlanOnly() {
        loginAs("engineer");
        open("budget-plans");
        Locator grid = page.locator("#plans-grid");
        assertThat(grid).containsText("ML research");
        assertThat(grid).containsText("50,000.00 USD");
        assertThat(grid).not().containsText("Vision");
        assertThat(page.locator("#plans-new")).hasCount(0);
        assertThat(grid.locator("vaadin-button")).hasCount(0);
    }
}
