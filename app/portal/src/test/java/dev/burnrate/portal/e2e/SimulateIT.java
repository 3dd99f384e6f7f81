package dev.burnrate.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.burnrate.api.HardwareKind;
import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.Offering;
import dev.burnrate.api.Precision;
import dev.burnrate.api.Prices;
import dev.burnrate.portal.simulation.SimulationCatalog;
import dev.burnrate.portal.support.BrowserTestBase;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The simulator flow in the browser: run a training simulation, read the recommendation, grid and charts, save
 * the scenario, re-run it, run train-then-serve side by side, compare two saved scenarios; and the admin compute
 * page with its calibration and an audited override.
 */
class SimulateIT extends BrowserTestBase {

    private static final LocatorAssertions.IsVisibleOptions SLOW =
            new LocatorAssertions.IsVisibleOptions().setTimeout(90_000);

    /** A small catalog until the plugin catalog service is merged (prices shaped like AWS's, datasheet peaks). */
    @TestConfiguration
    static class Catalog {
        @Bean
        @Primary
        SimulationCatalog fixtureCatalog() {
            HardwareSpec h100 = new HardwareSpec("H100", List.of(), HardwareKind.GPU, "NVIDIA", 80, 3350,
                    Map.of(Precision.FP32, 67.0, Precision.BF16, 989.5), 700, 0, "datasheet");
            HardwareSpec a10g = new HardwareSpec("A10G", List.of(), HardwareKind.GPU, "NVIDIA", 24, 600,
                    Map.of(Precision.FP32, 35.0, Precision.BF16, 70.0), 300, 0, "datasheet");
            List<SimulationCatalog.Entry> offerings = List.of(
                    entry("p5.48xlarge", "H100", 8, 192, 2048, 98.32, 35.0, 62.0, 43.0),
                    entry("g5.12xlarge", "A10G", 4, 48, 192, 5.672, 2.1, 3.6, 2.4),
                    entry("g5.xlarge", "A10G", 1, 4, 16, 1.006, 0.45, 0.63, 0.43),
                    entry("c7i.8xlarge", null, 0, 32, 64, 1.428, 0.6, 0.9, 0.62));
            return new SimulationCatalog() {
                public List<Entry> offerings() {
                    return offerings;
                }

                public List<HardwareSpec> hardware() {
                    return List.of(h100, a10g);
                }
            };
        }

        private static SimulationCatalog.Entry entry(String type, String accelerator, int count, double vcpus,
                                                     double memory, double onDemand, Double spot, Double c1y,
                                                     Double c3y) {
            return new SimulationCatalog.Entry(new Offering("aws", type, "us-east-1", accelerator, count, vcpus,
                    memory, "Amazon Elastic Compute Cloud", new Prices(onDemand, spot, c1y, c3y, "test")),
                    "Amazon Web Services", "US");
        }
    }

    @Test
    void engineerSimulatesSavesRerunsAndCompares() {
        loginAs("engineer");
        open("simulate");
        assertThat(page.locator("#candidate-count")).containsText("4 offerings match");
        page.locator("#training-deadline input").fill("300");
        page.locator("#training-scenarios input").fill("20000");
        page.locator("#run-simulation").click();
        Locator recommendation = page.locator("#training-recommendation");
        assertThat(recommendation).isVisible(SLOW);
        assertThat(recommendation).containsText("Recommended:");
        assertThat(recommendation).containsText("Lowest expected cost");
        assertThat(page.locator("#training-grid")).containsText("p5.48xlarge");
        assertThat(page.locator("#cost-distribution-chart")).hasAttribute("data-render-count",
                Pattern.compile("[1-9]\\d*"));
        assertThat(page.locator("#cost-time-chart")).hasAttribute("data-render-count", Pattern.compile("[1-9]\\d*"));
        assertThat(page.locator("#simulation-results")).containsText("spot-training-mc");
        screenshot("simulate-training");
        shoot(page.locator("#simulation-results"), "simulate-training-results");

        page.locator("#scenario-name input").fill("H100 fine-tune");
        page.locator("#save-scenario").click();
        Locator scenarios = page.locator("#scenarios-grid");
        assertThat(scenarios).containsText("H100 fine-tune");

        rowCheckbox(0).click();
        page.locator("#rerun-scenario").click();
        assertThat(page.locator("#simulation-status")).containsText("re-ran 'H100 fine-tune'",
                new LocatorAssertions.ContainsTextOptions().setTimeout(90_000));

        page.getByText("Train, then serve (side by side)").click();
        page.locator("#run-simulation").click();
        assertThat(page.locator("#hybrid-grid")).isVisible(SLOW);
        assertThat(page.locator("#hybrid-grid")).containsText("serve on");
        assertThat(page.locator("#inference-recommendation")).containsText("Recommended:");
        assertThat(page.locator("#coverage-chart")).hasAttribute("data-render-count", Pattern.compile("[1-9]\\d*"));
        screenshot("simulate-hybrid");
        shoot(page.locator("#simulation-results"), "simulate-hybrid-results");
        page.locator("#scenario-name input").fill("Train and serve");
        page.locator("#save-scenario").click();
        assertThat(scenarios).containsText("Train and serve");

        rowCheckbox(0).click();
        rowCheckbox(1).click();
        page.locator("#compare-scenarios").click();
        Locator comparison = page.locator("#comparison");
        assertThat(comparison).containsText("H100 fine-tune");
        assertThat(comparison).containsText("Train and serve");
        shoot(page.locator("vaadin-dialog-overlay"), "simulate-compare");
    }

    @Test
    void adminSeesTheCalibratedBackendsAndOverridesOne() {
        loginAs("admin");
        open("admin/compute");
        // Calibration runs in the background at start-up; the page shows it once done.
        for (int attempt = 0; attempt < 60 && page.locator("#compute-summary").textContent().contains("Not calibrated");
             attempt++) {
            page.waitForTimeout(1000);
            open("admin/compute");
        }
        assertThat(page.locator("#compute-summary")).containsText("Calibrated");
        assertThat(page.locator("#backends-grid")).containsText("reference");
        assertThat(page.locator("#backends-grid")).containsText("jvm-simd");
        assertThat(page.locator("#measurements-grid")).containsText("sgemm");
        shoot(page.locator("#choices-grid"), "admin-compute-choices");
        shoot(page.locator("#measurements-grid"), "admin-compute-measurements");
        screenshot("admin-compute");
        Locator override = page.locator("#override-sgemm");
        override.locator("input").fill("reference");
        override.locator("input").press("Enter");
        assertThat(page.locator("#choices-grid")).containsText("overridden in settings (reference)",
                new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        open("admin/audit");
        assertThat(page.locator("body")).containsText("compute.backend.sgemm");
    }

    @Test
    void engineersCannotOpenTheComputePage() {
        loginAs("engineer");
        open("admin/compute");
        assertThat(page.locator("#backends-grid")).hasCount(0);
    }

    /** A screenshot of one element (the app layout scrolls inside, so full-page shots show only the top). */
    private void shoot(Locator element, String name) {
        try {
            java.nio.file.Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        element.screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    private Locator rowCheckbox(int row) {
        return page.locator("#scenarios-grid vaadin-checkbox").nth(row + 1);
    }
}
