package dev.burnrate.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.burnrate.engine.plugin.PluginHost;
import dev.burnrate.portal.plugin.PluginAdminService;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.settings.SettingsService;
import dev.burnrate.portal.support.BrowserTestBase;
import dev.burnrate.portal.usagesource.UsageSourceService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Admin > Usage sources in the browser: an admin uploads the sample folder source's jar, points it at a folder
 * (its plugin setting), sets it up for a dataset, runs it with "Run now" and finds the import in the run history
 * and as a new version on the Usage page; a broken file's error shows in the history and stores nothing.
 */
class UsageSourcesIT extends BrowserTestBase {
    /** Copied there by the portal's build (maven-dependency-plugin, prepare-package). */
    private static final Path SAMPLE_JAR = Paths.get("target", "it-plugins",
            "burnrate-example-sample-folder-source.jar");
    private static final String HEADER = "BillingAccountId,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,"
            + "BilledCost,BillingCurrency,ProviderName,ServiceName,ServiceCategory,ResourceId,Tags";
    private static final LocatorAssertions.ContainsTextOptions SLOW =
            new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);

    @Autowired
    PluginHost host;
    @Autowired
    PluginAdminService plugins;
    @Autowired
    SettingsService settings;
    @Autowired
    UsageSourceService sources;

    @AfterEach
    void uninstallTheSample() {
        SystemRunner.runAsSystem(() -> {
            if (sources.sources().stream().anyMatch(s -> s.sourceId().equals("sample-folder")
                    && s.config().isPresent())) {
                sources.remove("sample-folder");
            }
            if (host.plugin("sample-folder-source").isPresent()) {
                plugins.uninstall("sample-folder-source");
            }
        });
    }

    private static String row(String resource, String cost, String day) {
        return "acct-7," + day + "T08:00:00Z," + day + "T09:00:00Z,Usage," + cost + ",USD,Folder Cloud,"
                + "GPU instances,Compute," + resource + ",\"{\"\"team\"\":\"\"ml-research\"\"}\"";
    }

    @Test
    void anAdminInstallsTheSampleSourceAndRunsAnImportFromItsFolder() throws Exception {
        org.assertj.core.api.Assertions.assertThat(SAMPLE_JAR).as("the build copies the sample usage source here")
                .exists();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String dataset = "folder-" + tag;
        Path folder = Files.createTempDirectory("usage-sources-it");
        Files.writeString(folder.resolve(tag + "-a.csv"), HEADER + "\n" + row("gpu-1", "12.5", "2025-02-03") + "\n"
                + row("gpu-2", "7.5", "2025-02-03") + "\n");

        loginAs("admin");
        open("admin/plugins");
        page.locator("#plugin-upload input[type=file]").setInputFiles(SAMPLE_JAR);
        assertThat(page.locator("#upload-result")).containsText("Installed sample-folder-source 1.0.0");
        // Plugin settings are portal settings named plugin.<id>.<key> (no form for them yet).
        SystemRunner.runAsSystem(() -> settings.put("plugin.sample-folder-source.folder", folder.toString()));

        open("admin/usage-sources");
        assertThat(page.locator("#sources-grid")).containsText("Sample folder of FOCUS CSV files");
        page.locator("#source-select input").fill("Sample folder");
        page.locator("vaadin-combo-box-item", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("Sample folder of FOCUS CSV files")).first().click();
        page.locator("#source-dataset input").fill(dataset);
        page.locator("#source-interval input").fill("120");
        page.locator("#source-enabled").click(); // off: only "Run now" runs it, never the schedule mid-test
        page.locator("#source-save").click();
        assertThat(page.locator("#sources-grid")).containsText(dataset);
        assertThat(page.locator("#sources-grid")).containsText("off");

        page.locator("#source-run-now").click();
        Locator runs = page.locator("#runs-grid");
        assertThat(runs).containsText("IMPORTED", SLOW);
        assertThat(runs).containsText("Imported 2 rows (1 file(s): " + tag + "-a.csv)");
        assertThat(runs).containsText("MANUAL");
        screenshot("usage-sources-imported");

        Files.writeString(folder.resolve(tag + "-b.csv"), HEADER + "\n" + row("gpu-3", "oops", "2025-02-04") + "\n");
        page.locator("#source-run-now").click();
        assertThat(runs).containsText("FAILED", SLOW);
        assertThat(runs).containsText(tag + "-b.csv line 2, BilledCost: 'oops' is not a number");
        screenshot("usage-sources-failed-run");

        open("usage");
        page.locator("#dataset-select").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(dataset)).click();
        Locator versions = page.locator("#versions-grid");
        assertThat(versions).containsText("$20.00", SLOW);
        assertThat(versions).containsText("Folder Cloud");
        assertThat(versions.locator("vaadin-grid-cell-content", new Locator.LocatorOptions().setHasText("Folder Cloud")))
                .hasCount(1);
        screenshot("usage-sources-version");
    }

    @Test
    void engineersCannotOpenUsageSources() {
        loginAs("engineer");
        open("admin/usage-sources");
        assertThat(page.locator("#sources-grid")).hasCount(0);
    }
}
