package dev.burnrate.portal.support;

import com.microsoft.playwright.Locator;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The portal in demo mode with the in-memory test cloud as its "aws" provider (a provider bean takes precedence over
 * the built-in AWS plugin, whose sandbox takes 95 s to boot and cannot be told to refuse), metering every two
 * seconds, webhooks allowed to local receivers, on a database and plugins folder of its own (so it shares nothing
 * with the other browser tests' portal). Service tests and browser tests that extend this share one running portal,
 * so each test's requests and resources are undone after it, passed or failed ({@link ProvisioningCleanup}).
 */
@Import(TestCloudConfig.class)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:file:./target/it-data/provisioning-${random.uuid}/burnrate;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "burnrate.plugins-dir=./target/it-data/provisioning-plugins-${random.uuid}",
        "burnrate.metering.interval-ms=2000",
        "burnrate.policies.scan-ms=3600000",
        "burnrate.webhooks.backoff-ms=200",
        // AlertsAndWebhooksIT delivers to a receiver on 127.0.0.1, which production refuses by default.
        "burnrate.webhooks.allow-private-targets=true"})
public abstract class ProvisioningTestBase extends BrowserTestBase {

    @Autowired
    private ApplicationContext portal;

    private Instant testStarted;

    @BeforeEach
    void rememberWhenThisTestStarted() {
        testStarted = Instant.now();
    }

    @AfterEach
    void undoWhatThisTestProvisioned() {
        new ProvisioningCleanup(portal).undoSince(testStarted);
    }

    /** Types into a combo box (its input found by {@code input}) and picks the first item showing {@code text}. */
    protected void pickCombo(Locator input, String text) {
        input.click();
        input.fill(text);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(text)).first().click();
        waitForVaadin();
    }

    /** Opens the select with id {@code id} and picks the first item showing {@code text}. */
    protected void pickSelect(String id, String text) {
        page.locator("#" + id).click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(text)).first().click();
        waitForVaadin();
    }
}
