package dev.burnrate.portal.usage;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.burnrate.portal.audit.AuditFilter;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.support.BrowserTestBase;
import dev.burnrate.portal.support.FocusSamples;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Usage end to end: upload the real FOCUS sample and read its validation report; explore the demo dataset and
 * watch the chart change with a filter; team scoping for an engineer; whether a dataset counts toward budgets.
 */
class UsageIT extends BrowserTestBase {

    @Autowired
    AuditService audit;

    @Autowired
    UsageDatasetService datasets;

    @Test
    void aRealExportWithNullContractedCostImportsWholeAndItsTotalMatches() throws IOException {
        Path csv = FocusSamples.withOracleNulls(FocusSamples.sample("oracle-source.csv"), "oracle-export.csv");
        loginAs("finance");
        open("usage");
        page.locator("#import-dataset input").fill("oracle-export");
        page.locator("#import-dataset input").press("Tab"); // the field sends its value on change
        waitForVaadin(); // the name reaches the server before the upload starts, else it lands in the default dataset
        page.locator("#import-upload input[type=file]").setInputFiles(csv);

        assertThat(page.locator("#import-status")).containsText("Imported 500 of 500 rows",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        Locator nulls = page.locator("#import-conformance vaadin-grid-cell-content");
        assertThat(page.locator("#import-conformance")).containsText("not-null");
        assertThat(page.locator("#import-conformance")).containsText("ContractedCost");
        org.assertj.core.api.Assertions.assertThat(nulls.allTextContents()).containsSubsequence("not-null",
                "ContractedCost", "7", "imported as found");
        screenshot("usage-import-null-costs");

        VersionSummary v = SystemRunner.callAsSystem(() -> datasets.versions("oracle-export")).getFirst();
        org.assertj.core.api.Assertions.assertThat(v.rows()).isEqualTo(500);
        org.assertj.core.api.Assertions.assertThat(v.providers()).contains("Oracle");
        org.assertj.core.api.Assertions.assertThat(java.math.BigDecimal.valueOf(v.billedCost())
                        .setScale(2, java.math.RoundingMode.HALF_UP))
                .isEqualTo(FocusSamples.exactBilledCost(csv).setScale(2, java.math.RoundingMode.HALF_UP));
    }

    private static Path sample() throws IOException {
        return FocusSamples.sample("focus_1.0_sample_500.csv");
    }

    /** The series the time-series chart currently shows, read from the ECharts instance. */
    @SuppressWarnings("unchecked")
    private java.util.List<String> seriesNames() {
        return (java.util.List<String>) page.evaluate("() => echarts.getInstanceByDom("
                + "document.querySelector('#explorer-timeseries')).getOption().series.map(s => s.name)");
    }

    @Test
    void financeUploadsTheSampleAndSeesTheReportAndVersion() throws IOException {
        loginAs("finance");
        open("usage");
        page.locator("#import-dataset input").fill("focus-sample");
        // Lenient is the default: the sample's credit row with a negative unit price is kept and reported.
        page.locator("#import-upload input[type=file]").setInputFiles(sample());

        // the import runs off the UI thread: the report arrives by poll once it is done (Playwright waits for it)
        assertThat(page.locator("#import-status")).containsText("Imported 500 of 500 rows",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(page.locator("#import-progress")).isHidden();
        assertThat(page.locator("#import-upload")).not().hasAttribute("disabled", "");
        assertThat(page.locator("#import-report")).containsText("Conformance with FOCUS 1.0");
        assertThat(page.locator("#import-conformance")).containsText("non-negative");
        assertThat(page.locator("#import-conformance")).containsText("ContractedUnitPrice");
        assertThat(page.locator("#import-conformance")).containsText("imported as found");
        assertThat(page.locator("#import-conformance")).containsText("column-name");
        assertThat(page.locator("#versions-grid")).containsText("focus_1.0_sample_500.csv");
        screenshot("usage-import-report");

        // A per-rule severity: negative unit prices as errors quarantine the credit row instead.
        page.locator("#import-severities vaadin-details-summary").click();
        page.locator("#severity-non-negative").click();
        page.locator("vaadin-select-item:visible").filter(new Locator.FilterOptions().setHasText("Error: quarantine"))
                .click();
        page.locator("#import-upload input[type=file]").setInputFiles(FocusSamples.sample("quarantine-copy.csv"));
        assertThat(page.locator("#import-status")).containsText("Imported 499 of 500 rows",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(page.locator("#import-status")).containsText("1 row quarantined (1 error, ");
        assertThat(page.locator("#import-errors")).containsText("ContractedUnitPrice");
        assertThat(page.locator("#import-conformance")).containsText("quarantined");
        assertThat(page.locator("#download-quarantine")).isVisible();

        page.locator("#import-mode vaadin-radio-button").filter(new Locator.FilterOptions().setHasText("Strict")).click();
        page.locator("#import-upload input[type=file]").setInputFiles(FocusSamples.sample("strict-copy.csv"));
        assertThat(page.locator("#import-status")).containsText("Rejected, nothing stored",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(page.locator("#import-errors")).containsText("ContractedUnitPrice");
        // The rejection names the file, then the first error's row, column and value.
        assertThat(page.locator("#import-status")).containsText("Rejected, nothing stored: in strict-copy.csv, 1 "
                + "conformance error(s) in strict mode; first: row 457 (line 458), column ContractedUnitPrice, value "
                + "'-3.0'");
    }

    @Test
    void theExplorerChartChangesWithAFilter() {
        loginAs("finance");
        page.onConsoleMessage(m -> System.out.println("browser console: " + m.text()));
        open("explorer?dataset=demo"); // the demo dataset, whatever other tests created
        screenshot("explorer-initial");
        Locator chart = page.locator("#explorer-timeseries");
        page.waitForFunction("() => Number(document.querySelector('#explorer-timeseries')"
                + ".getAttribute('data-render-count') || 0) > 0");
        org.assertj.core.api.Assertions.assertThat(seriesNames()).contains("Compute Engine",
                "Amazon Elastic Compute Cloud");
        String before = page.locator("#explorer-summary").textContent();
        int renders = Integer.parseInt(chart.getAttribute("data-render-count"));
        screenshot("explorer-before-filter");

        page.locator("#filter-provider input").fill("Amazon Web Services");
        page.locator("vaadin-multi-select-combo-box-item").filter(new Locator.FilterOptions().setHasText("Amazon Web Services")).first()
                .click();
        page.keyboard().press("Escape");

        page.waitForFunction("n => Number(document.querySelector('#explorer-timeseries')"
                + ".getAttribute('data-render-count')) > n", renders);
        org.assertj.core.api.Assertions.assertThat(seriesNames()).containsExactly("Amazon Elastic Compute Cloud");
        assertThat(page.locator("#explorer-summary")).not().hasText(before);
        assertThat(page.locator("#explorer-export")).isVisible();
        screenshot("explorer-after-filter");
    }

    @Test
    void anEngineerSeesOnlyTheirTeamsRows() {
        loginAs("engineer");
        open("explorer?dataset=demo"); // the demo dataset, whatever other tests created
        page.waitForFunction("() => Number(document.querySelector('#explorer-timeseries')"
                + ".getAttribute('data-render-count') || 0) > 0");
        page.locator("#explorer-group").click();
        int renders = Integer.parseInt(page.locator("#explorer-timeseries").getAttribute("data-render-count"));
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("tag:team")).click();
        page.waitForFunction("n => Number(document.querySelector('#explorer-timeseries')"
                + ".getAttribute('data-render-count')) > n", renders);
        org.assertj.core.api.Assertions.assertThat(seriesNames()).containsExactly("ml-research");
        assertThat(page.locator("#import-upload")).hasCount(0);
        screenshot("explorer-engineer-scope");
    }

    @Test
    void financeDecidesWhetherADatasetCountsTowardBudgetsAndTheAuditLogSaysWho() {
        loginAs("finance");
        open("usage");
        Locator box = page.locator("#dataset-counts-toward-budgets input");
        assertThat(box).isEnabled();
        String dataset = selectedDataset();
        boolean counted = box.isChecked();

        box.click();
        assertThat(page.locator("vaadin-notification-card").last())
                .containsText(counted ? "no longer counts toward budgets" : "now counts toward budgets");
        open("usage");
        org.assertj.core.api.Assertions.assertThat(selectedDataset()).isEqualTo(dataset);
        org.assertj.core.api.Assertions.assertThat(box.isChecked()).as("saved").isEqualTo(!counted);
        org.assertj.core.api.Assertions.assertThat(SystemRunner.callAsSystem(
                () -> audit.find(AuditFilter.none(), 0, 20))).anySatisfy(e -> {
                    org.assertj.core.api.Assertions.assertThat(e.action()).isEqualTo("usage.dataset.budgets");
                    org.assertj.core.api.Assertions.assertThat(e.actor()).isEqualTo("finance");
                    org.assertj.core.api.Assertions.assertThat(e.target()).isEqualTo("dataset:" + dataset);
                });

        // back as it was: the other tests on this portal count the demo spend
        box.click();
        assertThat(page.locator("vaadin-notification-card").last())
                .containsText(counted ? "now counts toward budgets" : "no longer counts toward budgets");
        org.assertj.core.api.Assertions.assertThat(box.isChecked()).isEqualTo(counted);
    }

    /** The dataset name the select shows (its client-side value is an item key, not the name). */
    private String selectedDataset() {
        return page.locator("#dataset-select vaadin-select-value-button").textContent().strip();
    }

    @Test
    void anEngineerCannotChangeWhatCountsTowardBudgets() {
        loginAs("engineer");
        open("usage");
        assertThat(page.locator("#dataset-counts-toward-budgets")).hasCount(0);
    }
}
