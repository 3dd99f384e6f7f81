package dev.burnrate.portal.chargeback;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.BrowserTestBase;
import dev.burnrate.portal.support.RunAs;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The chargeback page on the demo's billing history: finance sees every team of the last closed month with the
 * invoice and a chart, and a rule whose fixed shares do not add up is refused on the page; an engineer sees only
 * their team's line and no rule editor.
 */
class ChargebackViewIT extends BrowserTestBase {

    @Autowired
    ChargebackService chargeback;
    @Autowired
    ApplicationContext app;

    /** Other tests of the shared portal change the rule: start from one with no shared team. */
    @BeforeEach
    void proportionalWithoutSharedTeams() {
        RunAs.user(app, "finance", () -> chargeback.saveRule(new ChargebackRule(SplitRule.PROPORTIONAL,
                new TreeSet<>(), true, new TreeMap<>(), chargeback.rule().version())), Role.FINANCE);
    }

    @Test
    void financeSeesEveryTeamAndTheInvoiceAndBadSharesAreRefused() {
        loginAs("finance");
        open("chargeback");
        Locator grid = page.locator("#chargeback-grid-USD");
        for (String team : new String[] {"inference", "vision", "search", "platform", "ml-research"}) {
            assertThat(grid).containsText(team);
        }
        assertThat(page.locator("#chargeback-invoice-USD")).containsText("Invoice (BilledCost): $");
        assertThat(page.locator("#chargeback-chart-USD")).hasAttribute("data-render-count",
                Pattern.compile("[1-9]\\d*"));
        assertThat(page.locator("#chargeback-definition")).containsText("Shared cost");
        assertThat(page.locator("#chargeback-versions")).containsText("billing@");
        screenshot("chargeback-finance");

        page.locator("#chargeback-split vaadin-radio-button").filter(new Locator.FilterOptions()
                .setHasText("Fixed shares")).click();
        page.locator("#chargeback-fixed-shares textarea").fill("vision = 50\nsearch = 30");
        page.locator("#chargeback-save-rule").click();
        assertThat(page.locator("#chargeback-rule-error"))
                .hasText("Fixed shares add up to 80%; they must add up to exactly 100%.");
        assertThat(page.locator("#chargeback-rule")).not().containsText("Fixed shares:");
    }

    @Test
    void anEngineerSeesOnlyTheirTeamsLine() {
        loginAs("engineer");
        open("chargeback");
        Locator grid = page.locator("#chargeback-grid-USD");
        assertThat(grid).containsText("ml-research");
        assertThat(grid).not().containsText("inference");
        assertThat(page.locator("#chargeback-save-rule")).hasCount(0);
        assertThat(page.locator("#chargeback-invoice-USD")).hasCount(0);
    }
}
