package dev.burnrate.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import dev.burnrate.portal.support.BrowserTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The portal shell as each demo user sees it, access control by navigation and by URL, users and audit. */
class PortalShellIT extends BrowserTestBase {

    private List<String> navigationEntries() {
        return page.locator("#main-nav vaadin-side-nav-item").allTextContents().stream().map(String::trim).toList();
    }

    /**
     * The text is drawn with the Roboto the portal serves, not with whatever sans-serif the machine has (DejaVu
     * without fonts-liberation, whose wider metrics once pushed the resources grid off a laptop screen). Chromium's
     * own record of the fonts it rendered a node with is the evidence, not the CSS that asked for them.
     */
    @Test
    void pagesAreDrawnWithThePortalsOwnWebFont() {
        APIResponse woff2 = page.request().get(url("webjars/roboto-fontface/0.10.0/fonts/roboto/Roboto-Regular.woff2"));
        assertThat(woff2.status()).as("the font is served without logging in").isEqualTo(200);
        assertThat(woff2.body()).startsWith("wOF2".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        loginAs("engineer");
        assertThat(page.locator("#current-user")).isVisible();
        CDPSession cdp = page.context().newCDPSession(page);
        cdp.send("DOM.enable");
        cdp.send("CSS.enable");
        JsonObject document = cdp.send("DOM.getDocument");
        JsonObject user = cdp.send("DOM.querySelector",
                nodeQuery(document.getAsJsonObject("root").get("nodeId").getAsInt(), "#current-user"));
        JsonObject fonts = cdp.send("CSS.getPlatformFontsForNode", node(user.get("nodeId").getAsInt()));
        List<String> used = fonts.getAsJsonArray("fonts").asList().stream()
                .map(f -> f.getAsJsonObject().get("familyName").getAsString() + (f.getAsJsonObject()
                        .get("isCustomFont").getAsBoolean() ? " (web font)" : " (system font)"))
                .toList();
        assertThat(used).as("fonts Chromium drew the user's name with").containsExactly("Roboto (web font)");
    }

    private static JsonObject nodeQuery(int nodeId, String selector) {
        JsonObject params = new JsonObject();
        params.addProperty("nodeId", nodeId);
        params.addProperty("selector", selector);
        return params;
    }

    private static JsonObject node(int nodeId) {
        JsonObject params = new JsonObject();
        params.addProperty("nodeId", nodeId);
        return params;
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        page.navigate(url("admin/users"));
        page.waitForURL("**/login");
        assertThat(page.locator("input[name='username']")).isVisible();
        assertThat(page.locator(".demo-hint")).containsText("password = user name");
        screenshot("login");
    }

    @Test
    void wrongPasswordShowsAnErrorAndIsAudited() {
        open("login");
        submitLogin("engineer", "not-the-password");
        page.waitForURL("**/login?error");
        assertThat(page.locator("vaadin-login-form")).hasAttribute("error", "");
    }

    @ParameterizedTest(name = "{0} sees the navigation of their role")
    @CsvSource({
            "admin, true",
            "finance, false",
            "approver, false",
            "engineer, false"})
    void eachRoleSeesItsNavigation(String user, boolean seesAdmin) {
        loginAs(user);
        List<String> entries = navigationEntries();
        assertThat(entries).contains("Overview");
        if (seesAdmin) {
            assertThat(entries).contains("Admin · Users", "Admin · Audit log");
        } else {
            assertThat(entries).doesNotContain("Admin · Users", "Admin · Audit log");
        }
        assertThat(page.locator(".figure-card").first()).isVisible();
        screenshot("home-" + user);
    }

    @Test
    void engineerCannotOpenAdminViewsByUrl() {
        loginAs("engineer");
        for (String path : List.of("admin/users", "admin/audit")) {
            open(path);
            assertThat(page.locator("#users-grid")).hasCount(0);
            assertThat(page.locator("#audit-grid")).hasCount(0);
            assertThat(page.locator("#not-found-message")).containsText("your roles do not give access");
        }
        screenshot("engineer-denied-admin");
    }

    @Test
    void logoutEndsTheSession() {
        loginAs("finance");
        page.locator("#logout").click();
        page.waitForURL("**/login");
        page.navigate(url(""));
        page.waitForURL("**/login");
    }

    @Test
    void adminCreatesAUserWhoCanLogInAndTheAuditLogShowsIt() {
        loginAs("admin");
        open("admin/users");
        screenshot("admin-users");
        page.locator("#new-user").click();
        page.locator("#user-username input").fill("dora");
        page.locator("#user-display-name input").fill("Dora Data");
        page.locator("#user-password input").fill("correct-horse-1");
        page.locator("#user-save").click();
        Locator grid = page.locator("#users-grid");
        assertThat(grid).containsText("dora");

        open("admin/audit");
        page.locator("#verify-chain").click();
        assertThat(page.locator("#chain-status")).containsText("Chain intact");
        page.locator("#audit-action input").fill("user.create");
        page.locator("vaadin-combo-box-item:has-text('user.create')").first().click();
        assertThat(page.locator("#audit-grid")).containsText("user:dora");
        screenshot("admin-audit");

        page.locator("#logout").click();
        page.waitForURL("**/login");
        submitLogin("dora", "correct-horse-1");
        assertThat(page.locator("#current-user")).hasText("dora");
    }

    @Test
    void shortPasswordIsRefusedWithAMessageOnTheField() {
        loginAs("admin");
        open("admin/users");
        page.locator("#new-user").click();
        page.locator("#user-username input").fill("shorty");
        page.locator("#user-display-name input").fill("Shorty");
        page.locator("#user-password input").fill("abc");
        page.locator("#user-save").click();
        assertThat(page.locator("#user-password")).hasAttribute("invalid", "");
        assertThat(page.locator("#user-password")).containsText("at least 8 characters");
        open("admin/users");
        assertThat(page.locator("#users-grid")).not().containsText("shorty");
    }
}
