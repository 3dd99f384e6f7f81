package dev.burnrate.portal.security.oidc;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.burnrate.portal.support.BrowserTestBase;
import dev.burnrate.portal.support.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OIDC single sign-on in Chromium against a real OIDC provider (mock-oauth2-server with its interactive login form:
 * discovery, authorisation code, signed ID tokens). A portal of its own (SSO on, its own data folder), in demo mode so
 * the demo teams, users and budgets are there. It does not extend {@link BrowserTestBase}: that one's data folder
 * would be shared with the main test portal (same H2 file), so this class starts Chromium the same way itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "burnrate.demo=true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcLoginIT {

    /** Started by the first test, after it has seen the portal cope with the provider being down. */
    private static final MockOAuth2Server IDP = new MockOAuth2Server(new OAuth2Config(true));
    private static final int IDP_PORT = freePort();
    private static final String ISSUER = "http://localhost:" + IDP_PORT + "/default";
    private static boolean idpStarted;

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static synchronized void startIdp() {
        if (!idpStarted) {
            IDP.start(IDP_PORT);
            idpStarted = true;
        }
    }

    @DynamicPropertySource
    static void oidcProperties(DynamicPropertyRegistry registry) {
        registry.add("burnrate.data-dir", () -> Paths.get("target", "it-data", "portal-oidc-" + ProcessHandle.current().pid())
                .toAbsolutePath().toString());
        registry.add("burnrate.oidc.enabled", () -> "true");
        registry.add("burnrate.oidc.provider-name", () -> "Mock IdP");
        registry.add("burnrate.oidc.issuer-uri", () -> ISSUER);
        registry.add("burnrate.oidc.client-id", () -> "burnrate-portal");
        registry.add("burnrate.oidc.client-secret", () -> "not-a-real-secret");
        registry.add("burnrate.oidc.group-mapping.ml-engineers", () -> "ROLE:ENGINEER,TEAM:ml-research");
        registry.add("burnrate.oidc.group-mapping.finance-staff", () -> "ROLE:FINANCE");
    }

    private static Playwright playwright;
    private static Browser browser;

    @Value("${local.server.port}")
    int port;

    @Value("${burnrate.data-dir}")
    String dataDir;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SecurityContextHolderStrategy securityContextStrategy;

    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void launchBrowser() {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void closeBrowserAndIdp() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (idpStarted) {
            IDP.shutdown();
        }
    }

    /** As in BrowserTestBase: this portal's security-context strategy, whichever portal started last. */
    @BeforeEach
    void useThisPortalsSecurityContextStrategy() {
        SecurityContextHolder.setContextHolderStrategy(securityContextStrategy);
    }

    @BeforeEach
    void openContext(TestInfo test) {
        if (!test.getTestMethod().orElseThrow().getName().equals("whileTheProviderIsDownTheLoginPageSaysSo")) {
            startIdp();
        }
        newBrowserSession();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    private void newBrowserSession() {
        if (context != null) {
            context.close();
        }
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    private void open(String path) {
        page.navigate(url(path));
        waitForVaadin();
    }

    private void waitForVaadin() {
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())");
    }

    private void submitLogin(String user, String password) {
        page.locator("input[name='username']").fill(user);
        page.locator("input[name='password']").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(BrowserTestBase.SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path file = BrowserTestBase.SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }

    /** Clicks "Sign in with Mock IdP" and signs in on the provider's own form with these claims. */
    private void signInAtIdp(String subject, String username, List<String> groups) {
        open("login");
        page.locator("#sso-login").click();
        page.waitForURL(ISSUER + "/authorize**");
        page.locator("input[name='username']").fill(subject);
        String claims = "{\"preferred_username\": \"" + username + "\", \"name\": \"" + username.toUpperCase()
                + " Person\", \"groups\": [" + String.join(", ", groups.stream().map(g -> "\"" + g + "\"").toList()) + "]}";
        page.locator("textarea[name='claims']").fill(claims);
        page.locator("input[type='submit']").click();
    }

    private void assertSignedInAs(String user, String roles) {
        assertThat(page.locator("#current-user")).hasText(user, new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(page.locator(".current-roles")).hasText(roles);
        waitForVaadin();
    }

    /** The teams whose budget plans the budget plans page shows (top level of the tree), once it has rows. */
    private List<String> teamsWithVisiblePlans() {
        open("budget-plans");
        page.waitForFunction("() => [...document.querySelectorAll('#plans-grid vaadin-grid-cell-content')]"
                + ".some(c => /^team /i.test(c.textContent.trim()))");
        return page.locator("#plans-grid vaadin-grid-cell-content").allTextContents().stream().map(String::trim)
                .filter(text -> text.matches("(?i)team [a-z0-9-]+")).map(text -> text.substring(5)).toList();
    }

    private List<String> navigationEntries() {
        return page.locator("#main-nav vaadin-side-nav-item").allTextContents().stream().map(String::trim).toList();
    }

    @Test
    @Order(1)
    void whileTheProviderIsDownTheLoginPageSaysSo() {
        open("login");
        page.locator("#sso-login").click();
        page.waitForURL("**/login?sso=sso-failed");
        assertThat(page.locator("#sso-error")).containsText("Signing in with Mock IdP failed");
        // The portal did not keep the failed discovery: once the provider is up, signing in works.
        startIdp();
        signInAtIdp("sub-linus-1", "linus", List.of("ml-engineers"));
        assertSignedInAs("linus", "ENGINEER");
    }

    @Test
    void thisPortalRunsOnItsOwnDataFolder() {
        assertThat(dataDir).contains("portal-oidc-");
    }

    @Test
    void ssoLoginLandsAsTheMappedRoleAndTeamAndCreatesAnExternalUser() {
        open("login");
        assertThat(page.locator("#sso-login")).hasText("Sign in with Mock IdP");
        assertThat(page.locator("input[name='username']")).isVisible();
        screenshot("login-with-sso");

        signInAtIdp("sub-ada-1", "ada", List.of("ml-engineers", "unmapped-club"));
        assertSignedInAs("ada", "ENGINEER");
        assertThat(navigationEntries()).contains("Provision", "Budgets").doesNotContain("Admin · Users");
        assertThat(teamsWithVisiblePlans()).as("the team's budget plan, not other teams'")
                .contains("ml-research").doesNotContain("inference", "platform", "search");
        screenshot("sso-engineer-budgets");

        Map<String, Object> user = jdbc.queryForMap(
                "select id, password_hash, external_subject, display_name from users where username = 'ada'");
        assertThat(user.get("password_hash")).as("an SSO user has no password").isNull();
        assertThat(user.get("external_subject")).isEqualTo("sub-ada-1");
        assertThat(user.get("display_name")).isEqualTo("ADA Person");
        assertThat(jdbc.queryForList("select t.name from team_members m join teams t on t.id = m.team_id "
                + "where m.user_id = ?", String.class, user.get("id"))).containsExactly("ml-research");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'user.sso-create' "
                + "and target = 'user:ada'", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'auth.login' "
                + "and target = 'user:ada'", Integer.class)).as("the login itself is audited as a form login is")
                .isEqualTo(1);

        // No password, so the local form cannot log this user in.
        newBrowserSession();
        open("login");
        submitLogin("ada", "ada");
        page.waitForURL("**/login?error");
    }

    @Test
    void aGroupChangeAtTheProviderChangesRolesAndTeamsAtTheNextLogin() {
        signInAtIdp("sub-grace-1", "grace", List.of("ml-engineers"));
        assertSignedInAs("grace", "ENGINEER");
        assertThat(teamsWithVisiblePlans()).contains("ml-research").doesNotContain("inference");

        newBrowserSession();
        signInAtIdp("sub-grace-1", "grace", List.of("finance-staff"));
        assertSignedInAs("grace", "FINANCE");
        assertThat(teamsWithVisiblePlans()).as("FINANCE sees every team's budget plans")
                .contains("inference", "platform", "search");
        screenshot("sso-finance-budgets");

        assertThat(jdbc.queryForList("select r.role from user_roles r join users u on u.id = r.user_id "
                + "where u.username = 'grace'", String.class)).containsExactly("FINANCE");
        assertThat(jdbc.queryForObject("select count(*) from team_members m join users u on u.id = m.user_id "
                + "where u.username = 'grace'", Integer.class)).as("the mapping grants no team any more").isZero();
        String change = jdbc.queryForObject("select after_json from audit_log where action = 'user.sso-update' "
                + "and target = 'user:grace'", String.class);
        assertThat(change).contains("FINANCE").contains("finance-staff");
    }

    @Test
    void aUserInNoMappedGroupIsRefusedWithAMessage() {
        signInAtIdp("sub-mallory-1", "mallory", List.of("marketing"));
        page.waitForURL("**/login?sso=sso-no-group");
        assertThat(page.locator("#sso-error")).containsText(
                "Your account at Mock IdP is in no group that Burnrate maps to a role");
        assertThat(page.locator("#current-user")).hasCount(0);
        screenshot("sso-refused");
        assertThat(jdbc.queryForObject("select count(*) from users where username = 'mallory'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'auth.sso-refused' "
                + "and target = 'user:mallory'", Integer.class)).isEqualTo(1);
        page.navigate(url("budgets"));
        page.waitForURL("**/login");
    }

    @Test
    void anIdentityCannotTakeOverALocalAccountOfTheSameName() {
        signInAtIdp("sub-someone-else", "admin", List.of("finance-staff"));
        page.waitForURL("**/login?sso=sso-conflict");
        assertThat(page.locator("#sso-error")).containsText("belongs to another Burnrate account");
        assertThat(jdbc.queryForObject("select count(*) from users where username = 'admin' "
                + "and external_subject is null", Integer.class)).isEqualTo(1);
    }

    @Test
    void localLoginStillWorks() {
        open("login");
        submitLogin("engineer", "engineer");
        assertSignedInAs("engineer", "ENGINEER");
        assertThat(page.locator(".current-roles")).hasText("ENGINEER");
        assertThat(teamsWithVisiblePlans()).contains("ml-research").doesNotContain("inference");
    }
}
