package dev.burnrate.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import dev.burnrate.portal.support.BrowserTestBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy the portal serves, in Chromium: pages and ECharts charts render under it with no
 * violation reported; and, as the written reason for its 'unsafe-eval', Vaadin's client is refused as soon as
 * 'unsafe-eval' is taken away (the browser reports the violation). When that second test starts failing, Vaadin no
 * longer needs eval: drop it from {@link SecurityConfig}.
 */
class ContentSecurityPolicyIT extends BrowserTestBase {

    private final List<String> violations = new CopyOnWriteArrayList<>();

    /** Collects what the browser reports against the policy: violation events, console errors, page errors. */
    private void recordViolations() {
        page.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error("
                + "'Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI))");
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                violations.add(message.text());
            }
        });
        page.onPageError(error -> {
            if (error.contains("Content Security Policy") || error.contains("unsafe-eval")) {
                violations.add(error);
            }
        });
    }

    @Test
    void pagesAndChartsRenderUnderTheServedPolicy() {
        recordViolations();
        Response login = page.navigate(url("login"));
        // Vaadin's page itself, not only the scripts it loads, carries the policy (and Spring Security's frame rule).
        assertThat(login.headers().get("content-security-policy")).isEqualTo(SecurityConfig.CONTENT_SECURITY_POLICY);
        assertThat(login.headers().get("x-frame-options")).isEqualTo("DENY");

        loginAs("finance");
        open("explorer");
        page.waitForFunction("() => Number(document.querySelector('#explorer-timeseries')"
                + ".getAttribute('data-render-count') || 0) > 0");
        open("approvals");
        page.locator("#approval-queue").waitFor();
        open("catalog");

        assertThat(violations).isEmpty();
    }

    @Test
    void vaadinsClientIsRefusedWithoutUnsafeEval() {
        page.route("**/*", route -> {
            APIResponse response = route.fetch();
            Map<String, String> headers = new HashMap<>(response.headers());
            headers.computeIfPresent("content-security-policy", (name, policy) -> policy.replace(" 'unsafe-eval'", ""));
            route.fulfill(new Route.FulfillOptions().setResponse(response).setHeaders(headers));
        });
        recordViolations();

        page.navigate(url("login"));
        page.waitForTimeout(10_000);

        assertThat(violations).as("the browser refuses Vaadin's client code without 'unsafe-eval'")
                .anySatisfy(v -> assertThat(v).contains("eval"));
        assertThat(page.locator("input[name='username']").count()).as("the login form never renders").isZero();
    }
}
