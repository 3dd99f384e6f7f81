package dev.burnrate.portal.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base class for end-to-end tests: the real portal on a random port in demo mode (H2 in a fresh folder under
 * target/), driven by Debian's Chromium through Playwright. One browser per class, a fresh context per test.
 * Every test class using the same properties shares one running portal (Spring's test context cache).
 */
public abstract class BrowserTestBase extends DemoPortalTestBase {

    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static Playwright playwright;
    private static Browser browser;

    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launchBrowser() {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openContext() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }

    /** Opens a path and waits until Vaadin has rendered the view. */
    protected void open(String path) {
        page.navigate(url(path));
        waitForVaadin();
    }

    /**
     * Waits until Vaadin has no request in flight and the web fonts have loaded, so layout checks measure the
     * portal's own font (Roboto) rather than a fallback shown while it loads.
     */
    protected void waitForVaadin() {
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())"
                + " && document.fonts.status === 'loaded'");
    }

    /** Logs in through the login form as a demo user (password = user name) and waits for the main layout. */
    protected void loginAs(String user) {
        open("login");
        submitLogin(user, user);
        // The first login after the portal starts renders the overview cold: on a loaded machine that takes longer
        // than Playwright's 5 s assertion default, so wait as long as for any other page action.
        assertThat(page.locator("#current-user")).hasText(user,
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
        waitForVaadin();
    }

    /** Fills and submits the login form (the page must show it). */
    protected void submitLogin(String user, String password) {
        page.locator("input[name='username']").fill(user);
        page.locator("input[name='password']").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log in")).click();
    }

    /** Saves a full-page screenshot as target/screenshots/NAME.png. */
    protected Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }
}
