package dev.burnrate.portal.load;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * One engineer in a browser of their own (Playwright is not thread-safe, so each user thread has its own), going
 * round the explorer, the simulator and the provisioning form until the deadline. Every Vaadin request's server
 * round-trip is recorded; a failed request, a page error or a step that does not finish counts as a failure.
 */
final class LoadUser implements Runnable {

    private static final Pattern RENDERED = Pattern.compile("[1-9]\\d*");
    private static final LocatorAssertions.HasAttributeOptions LONG = new LocatorAssertions.HasAttributeOptions()
            .setTimeout(120_000);

    private final String baseUrl;
    private final Instant deadline;
    private final RoundTrips roundTrips;
    private final Map<String, AtomicInteger> outcomes;
    private Page page;

    LoadUser(String baseUrl, Instant deadline, RoundTrips roundTrips, Map<String, AtomicInteger> outcomes) {
        this.baseUrl = baseUrl;
        this.deadline = deadline;
        this.roundTrips = roundTrips;
        this.outcomes = outcomes;
    }

    static Map<String, AtomicInteger> newOutcomes() {
        return new ConcurrentHashMap<>();
    }

    @Override
    public void run() {
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Paths.get(System.getProperty("burnrate.chromium", "/usr/bin/chromium")))
                     .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
                             "--no-first-run", "--disable-background-networking", "--disable-component-update",
                             "--disable-sync", "--disable-dev-shm-usage")));
             BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            context.setDefaultTimeout(60_000);
            page = context.newPage();
            page.onRequestFinished(request -> {
                if (request.url().contains("v-r=uidl")) {
                    var timing = request.timing();
                    roundTrips.record(timing.responseEnd - timing.requestStart);
                }
            });
            page.onRequestFailed(request -> roundTrips.failed());
            page.onPageError(error -> roundTrips.failed());
            login();
            while (Instant.now().isBefore(deadline)) {
                step(this::explore);
                step(this::simulate);
                step(this::provision);
            }
        }
    }

    private void step(Runnable action) {
        if (Instant.now().isAfter(deadline)) {
            return;
        }
        try {
            action.run();
        } catch (RuntimeException | AssertionError e) {
            roundTrips.failed();
            outcomes.computeIfAbsent("step failed: " + e.getClass().getSimpleName(), k -> new AtomicInteger())
                    .incrementAndGet();
        }
    }

    private void open(String path) {
        page.navigate(baseUrl + path);
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())");
    }

    private void login() {
        open("login");
        page.locator("input[name='username']").fill("engineer");
        page.locator("input[name='password']").fill("engineer");
        page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Log in")).click();
        assertThat(page.locator("#current-user")).hasText("engineer",
                new LocatorAssertions.HasTextOptions().setTimeout(120_000));
    }

    private void explore() {
        open("explorer");
        assertThat(page.locator("#explorer-timeseries")).hasAttribute("data-render-count", RENDERED, LONG);
    }

    private void simulate() {
        open("simulate");
        page.locator("#run-simulation").click();
        assertThat(page.locator("#cost-distribution-chart")).hasAttribute("data-render-count", RENDERED, LONG);
    }

    /** Three days of H100s for ML research: approval while the budget has room, DENY once it has not. */
    private void provision() {
        open("provision");
        pick("#region input", "eu-north-1");
        pick("#offering input", "p5.48xlarge");
        Locator tags = page.locator("#tags textarea");
        tags.fill("cost-center=CC-1234\nowner=engineer");
        tags.press("Tab");
        page.locator("#submit").click();
        Locator state = page.locator("#result-state");
        assertThat(state).hasAttribute("data-value", Pattern.compile("[A-Z_]+"), LONG);
        outcomes.computeIfAbsent(state.getAttribute("data-value"), k -> new AtomicInteger()).incrementAndGet();
    }

    private void pick(String input, String text) {
        Locator field = page.locator(input);
        field.click();
        field.fill(text);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(text)).first().click();
    }
}
