package dev.burnrate.portal.api;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.burnrate.portal.support.BrowserTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The portal serves Swagger UI for its API, and the page works under the API chain's content security policy. */
class SwaggerUiIT extends BrowserTestBase {

    @Test
    void swaggerUiListsTheApisOperationsWithoutCspViolations() {
        List<String> violations = new ArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                violations.add(message.text());
            }
        });

        page.navigate(url("swagger-ui.html"));

        // springdoc builds the document on its first request, which takes a while on a loaded machine
        assertThat(page.locator(".swagger-ui .info .title")).containsText("Burnrate API",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
        assertThat(page.locator(".opblock-summary-path[data-path='/api/v1/estimates']")).isVisible();
        assertThat(page.locator(".opblock-summary-path[data-path='/api/v1/anomalies']").first()).isVisible();
        screenshot("swagger-ui");
        org.assertj.core.api.Assertions.assertThat(violations).isEmpty();
    }
}
