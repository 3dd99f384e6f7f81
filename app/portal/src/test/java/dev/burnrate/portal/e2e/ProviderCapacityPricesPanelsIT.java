package dev.burnrate.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.engine.plugin.PluginHost;
import dev.burnrate.portal.audit.AuditFilter;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.plugin.OfferingAvailability;
import dev.burnrate.portal.plugin.PluginAdminService;
import dev.burnrate.portal.provisioning.ProvisioningService;
import dev.burnrate.portal.provisioning.RequestDraft;
import dev.burnrate.portal.provisioning.StoredRequest;
import dev.burnrate.portal.provisioning.Template;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.settings.SettingsService;
import dev.burnrate.portal.support.ApiClient;
import dev.burnrate.portal.support.BrowserTestBase;
import dev.burnrate.portal.support.ProvisioningCleanup;
import dev.burnrate.portal.support.RunAs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The API 1.3.0 provider extensions of a third-party plugin, loaded from its jar: the sample provider's capacity
 * (a sold-out offering, simulated by its settings) in the catalog, a price refresh an administrator applies from
 * the catalog (the effective date shown, new prices in the grid, audited, a request made before keeping its
 * figures), and its declarative panels on its own page. The sample plugin is uninstalled afterwards.
 */
class ProviderCapacityPricesPanelsIT extends BrowserTestBase {

    private static final Path SAMPLE_JAR = Paths.get("target", "it-plugins", "burnrate-example-sample-provider.jar");
    private static final String SOLD_OUT = "plugin.sample-provider.sold-out";

    @Autowired
    PluginHost host;
    @Autowired
    PluginAdminService admin;
    @Autowired
    SettingsService settings;
    @Autowired
    OfferingAvailability availability;
    @Autowired
    AuditService audit;
    @Autowired
    ProvisioningService provisioning;

    private Instant started;

    @BeforeEach
    void installTheSampleWithASoldOutOffering() throws Exception {
        started = Instant.now();
        if (host.plugin("sample-provider").isPresent()) {
            SystemRunner.runAsSystem(() -> admin.uninstall("sample-provider"));
        }
        byte[] jar = Files.readAllBytes(SAMPLE_JAR);
        SystemRunner.callAsSystem(() -> {
            try {
                return admin.install("burnrate-example-sample-provider.jar", jar);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        SystemRunner.runAsSystem(() -> settings.put(SOLD_OUT, "sample-us-nyc/sample.gpu-h100"));
        availability.forget();
    }

    @AfterEach
    void uninstallTheSample() {
        new ProvisioningCleanup(applicationContext).undoSince(started);
        SystemRunner.runAsSystem(() -> {
            settings.put(SOLD_OUT, null);
            if (host.plugin("sample-provider").isPresent()) {
                admin.uninstall("sample-provider");
            }
        });
        availability.forget();
    }

    @Test
    void anAdminSeesCapacityRefreshesPricesAndOpensThePluginsPage() {
        StoredRequest before = RunAs.user(applicationContext, "admin", () -> provisioning.submit(
                UUID.randomUUID().toString(), notebook()), Role.ADMIN);
        assertThat(before.hourlyCost()).isEqualTo(2.49);

        loginAs("admin");
        open("catalog");
        chooseInComboBox("#filter-provider", "Sample Cloud");
        Locator grid = page.locator("#catalog-grid");
        assertThat(cell(grid, "Sold out").first()).isVisible();
        assertThat(cell(grid, "In stock").first()).isVisible();
        assertThat(page.locator("#price-list-sample-cloud")).containsText("as the plugin ships them");
        screenshot("catalog-capacity-sample");

        page.locator("#refresh-prices-sample-cloud").click();
        assertThat(page.locator("#price-list-sample-cloud")).containsText("Sample Cloud price API");
        assertThat(page.locator("#price-list-sample-cloud")).containsText(Pattern.compile("effective \\d{4}-\\d{2}-\\d{2}"));
        assertThat(cell(grid, "2.2410").first()).isVisible();
        screenshot("catalog-prices-refreshed");
        assertThat(SystemRunner.callAsSystem(() -> audit.find(new AuditFilter(null, "catalog.prices-refreshed",
                null, null), 0, 20))).anySatisfy(e -> {
                    assertThat(e.target()).isEqualTo("provider:sample-cloud");
                    assertThat(e.actor()).isEqualTo("admin");
                    assertThat(e.afterJson()).contains("Sample Cloud price API");
                });
        StoredRequest after = RunAs.user(applicationContext, "admin", () -> provisioning.submit(
                UUID.randomUUID().toString(), notebook()), Role.ADMIN);
        assertThat(after.hourlyCost()).as("a new estimate uses the new prices").isEqualTo(2.241);
        assertThat(RunAs.user(applicationContext, "admin", () -> provisioning.myRequests(), Role.ADMIN))
                .anySatisfy(r -> {
                    assertThat(r.request().id()).isEqualTo(before.id());
                    assertThat(r.request().hourlyCost()).as("made before: keeps its figures").isEqualTo(2.49);
                });

        page.locator("#plugin-pages a[data-plugin='sample-provider']").click();
        waitForVaadin();
        Locator capacity = page.locator("#panel-sample-provider-capacity");
        assertThat(capacity).containsText("Capacity now");
        assertThat(cell(capacity, "SOLD_OUT").first()).isVisible();
        assertThat(page.locator("#panel-sample-provider-prices [data-render-count]").first())
                .hasAttribute("data-render-count", Pattern.compile("[1-9]\\d*"));
        assertThat(page.locator("#panel-sample-provider-status a"))
                .hasAttribute("href", "https://example.com/sample-cloud/status");
        assertThat(page.locator("#panel-sample-provider-capacity-settings")).containsText("gpu-quota");
        screenshot("plugin-page-sample");
    }

    @Test
    void engineersSeeCapacityAndPanelsButNeitherTheRefreshNorTheSettingsLink() {
        loginAs("engineer");
        open("catalog");
        chooseInComboBox("#filter-provider", "Sample Cloud");
        assertThat(cell(page.locator("#catalog-grid"), "Sold out").first()).isVisible();
        assertThat(page.locator("#refresh-prices-sample-cloud")).hasCount(0);

        open("plugins/sample-provider");
        assertThat(page.locator("#panel-sample-provider-capacity")).isVisible();
        assertThat(page.locator("#panel-sample-provider-capacity-settings")).hasCount(0);
    }

    @Test
    void thePolicyDryRunOfTheApiSaysWhereASoldOutJobWouldGo() {
        ApiClient api = new ApiClient(applicationContext, port);
        JsonNode check = api.post("/api/v1/policy/evaluations", api.tokenFor("engineer"), """
                {"kind": "inference", "team": "ml-research", "name": "api-sold-out", "provider": "sample-cloud",
                 "region": "sample-us-nyc", "instanceType": "sample.gpu-h100", "purchaseOption": "ON_DEMAND",
                 "dataClassification": "internal", "encrypted": true, "privateNetwork": true,
                 "tags": {"cost-center": "CC-1234", "owner": "engineer"}}""").json();
        assertThat(check.path("violations").toString()).as(check.toString()).contains("provider/capacity",
                "sample.gpu-h100 is sold out in sample-us-nyc", "using sample.gpu-h100 in sample-eu-ams instead");
    }

    private static RequestDraft notebook() {
        return new RequestDraft(Template.NOTEBOOK, "ml-research", null, "capacity-it", "sample-cloud",
                "sample-eu-ams", "sample.gpu-h100", 1, PurchaseOption.ON_DEMAND, 8.0, "internal",
                Map.of("cost-center", "CC-1001", "owner", "admin"), true, true, false, false);
    }

    private static Locator cell(Locator within, String text) {
        return within.locator("vaadin-grid-cell-content", new Locator.LocatorOptions().setHasText(text));
    }

    private void chooseInComboBox(String id, String item) {
        page.locator(id + " input").fill(item);
        page.locator("vaadin-combo-box-item", new com.microsoft.playwright.Page.LocatorOptions().setHasText(item))
                .first().click();
        waitForVaadin();
    }
}
