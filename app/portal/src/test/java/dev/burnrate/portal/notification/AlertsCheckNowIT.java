package dev.burnrate.portal.notification;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.burnrate.portal.support.BrowserTestBase;
import org.junit.jupiter.api.Test;

/** An admin's "Check now" runs the policy scan in the background and reports by push; others have no button. */
class AlertsCheckNowIT extends BrowserTestBase {

    @Test
    void anAdminChecksPoliciesNowAndSeesTheResultWhenTheScanEnds() {
        loginAs("admin");
        open("alerts");

        page.locator("#scan-now").click();

        assertThat(page.locator("vaadin-notification-card").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("alert"))).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        assertThat(page.locator("#scan-now")).isEnabled();
        assertThat(page.locator("#alerts-grid")).isVisible();
    }

    @Test
    void anEngineerHasNoCheckNowButton() {
        loginAs("engineer");
        open("alerts");

        assertThat(page.locator("#alerts-grid")).isVisible();
        assertThat(page.locator("#scan-now")).hasCount(0);
    }
}
