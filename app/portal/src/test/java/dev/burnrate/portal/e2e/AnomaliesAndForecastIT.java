package dev.burnrate.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.burnrate.engine.usage.synth.GeneratorSpec;
import dev.burnrate.engine.usage.synth.PlantedAnomaly;
import dev.burnrate.engine.usage.synth.SkuSpec;
import dev.burnrate.engine.usage.synth.SyntheticFocusGenerator;
import dev.burnrate.portal.support.BrowserTestBase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import dev.burnrate.portal.forecast.BudgetForecastJob;
import dev.burnrate.portal.usage.UsageDatasetService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A newcomer's path through anomalies and forecasts: finance imports 60 days of billing data with one planted
 * spike, sees the spend forecast as a band after the actuals in the explorer, then finds the spike on /anomalies
 * with its team, day and root cause and marks it expected (kept as feedback), and sees the forecast band on the
 * team's budget.
 */
class AnomaliesAndForecastIT extends BrowserTestBase {

    @Autowired
    ApplicationContext app;
    @Autowired
    UsageDatasetService datasets;
    @Autowired
    BudgetForecastJob forecasts;

    private static final LocatorAssertions.ContainsTextOptions SLOW =
            new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);

    @Test
    void aPlantedSpikeIsFoundExplainedAndMarkedExpectedAndTheForecastIsABand() throws IOException {
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(60, ChronoUnit.DAYS);
        SyntheticFocusGenerator generator = new SyntheticFocusGenerator(
                new GeneratorSpec(41, start, 60, 60, List.of("ml-research", "platform"), SkuSpec.defaults(), 1));
        PlantedAnomaly planted = generator.anomalies().getFirst();
        Path csv = Path.of("target", "it-data", "planted-spike.csv");
        Files.createDirectories(csv.getParent());
        try (OutputStream out = Files.newOutputStream(csv)) {
            generator.writeCsv(out);
        }

        loginAs("finance");
        open("usage");
        page.locator("#import-dataset input").fill("planted-spike");
        page.locator("#import-dataset input").press("Tab");
        waitForVaadin(); // the name reaches the server before the upload starts, else it lands in the default dataset
        page.locator("#import-upload input[type=file]").setInputFiles(csv);
        assertThat(page.locator("#import-status")).containsText("Imported", SLOW);

        open("explorer");
        page.locator("#explorer-dataset").click();
        page.locator("vaadin-select-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("planted-spike")).click();
        assertThat(page.locator("#explorer-forecast-status")).containsText("P10-P90 shaded", SLOW);
        // The dataset the explorer opened first may still show its forecast: wait for planted-spike's, backtested.
        List<String> names = forecastSeries();
        for (int attempt = 0; attempt < 60 && names.stream().noneMatch(n -> n.contains("backtest MASE")); attempt++) {
            page.waitForTimeout(1_000);
            names = forecastSeries();
        }
        assertThat(names).anySatisfy(n -> assertThat(n).contains("forecast (").contains("backtest MASE"));
        assertThat(names).anySatisfy(n -> assertThat(n).endsWith("P10-P90"));
        assertThat(page.locator("#explorer-forecast-models")).containsText("origins");
        screenshot("explorer-forecast");

        // Detection runs after the import commits, in the background: the page lists what it found.
        String day = planted.from().toString().substring(0, 10);
        open("anomalies");
        page.locator("#anomaly-filter").click();
        page.locator("vaadin-select-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("All")).click();
        for (int attempt = 0; attempt < 30 && !page.locator("#anomalies-grid").innerText().contains(day); attempt++) {
            page.waitForTimeout(2_000);
            page.reload();
            waitForVaadin();
        }
        assertThat(page.locator("#anomalies-grid")).containsText(day);
        assertThat(page.locator("#anomalies-grid")).containsText(planted.team() + " · planted-spike");
        screenshot("anomalies-found");

        page.locator("vaadin-grid-cell-content").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(day)).first().click();
        assertThat(page.locator("#anomaly-details")).containsText("Expected ");
        assertThat(page.locator("#anomaly-causes")).isVisible();
        page.locator("#anomaly-details vaadin-text-field input").fill("planned load test");
        page.locator("#anomaly-expected").click();
        assertThat(page.locator("vaadin-notification-card")).containsText("will not alert again");
        assertThat(page.locator("#anomaly-details")).containsText("Expected / planned by finance");
        screenshot("anomaly-marked-expected");

        // The budgets judge the forecast: the fit after the import gives the team's budget a band.
        open("budgets");
        for (int attempt = 0; attempt < 30 && !page.locator("#budgets-grid").innerText().contains(" to "); attempt++) {
            page.waitForTimeout(2_000);
            page.reload();
            waitForVaadin();
        }
        assertThat(page.locator("#budgets-grid")).containsText("Projected at period end (P10-P90)");
        assertThat(page.locator("#budgets-grid")).containsText(" to ");
        screenshot("budgets-forecast-band");
    }

    /** The imported spend must not weigh on other tests' budgets: it stops counting, and its forecasts go. */
    @AfterEach
    void stopCountingTheImportedSpend() {
        dev.burnrate.portal.support.RunAs.user(app, "admin", () -> {
            if (datasets.datasets().stream().anyMatch(d -> d.name().equals("planted-spike"))) {
                datasets.setCountsTowardBudgets("planted-spike", false);
            }
            return forecasts.fit();
        }, dev.burnrate.portal.security.Role.ADMIN);
    }

    @SuppressWarnings("unchecked")
    private List<String> forecastSeries() {
        return (List<String>) page.evaluate("() => { const chart = echarts.getInstanceByDom("
                + "document.querySelector('#explorer-forecast-chart')); "
                + "return chart ? chart.getOption().series.map(s => s.name) : []; }");
    }
}
