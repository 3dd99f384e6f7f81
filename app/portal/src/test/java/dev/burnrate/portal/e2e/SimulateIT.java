package dev.burnrate.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.burnrate.portal.support.BrowserTestBase;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The simulator flow in the browser: run a training simulation, read the recommendation, grid and charts, save
 * the scenario, re-run it, run train-then-serve side by side, compare two saved scenarios; and the admin compute
 * page with its calibration and an audited override. Offerings come from the built-in provider and hardware
 * plugins.
 */
class SimulateIT extends BrowserTestBase {

    private static final LocatorAssertions.IsVisibleOptions SLOW =
            new LocatorAssertions.IsVisibleOptions().setTimeout(90_000);
    private static final LocatorAssertions.ContainsTextOptions SLOW_TEXT =
            new LocatorAssertions.ContainsTextOptions().setTimeout(90_000);

    @Test
    void engineerSimulatesSavesRerunsAndCompares() {
        loginAs("engineer");
        open("simulate");
        // The built-in provider plugins' catalog, narrowed to the H100 instances of one AWS region.
        // Demo mode saved a train-then-serve scenario for the engineer's team at start-up.
        assertThat(page.locator("#scenarios-grid")).containsText("Demo: fine-tune on 2,000 H100-hours");
        choose("#candidate-provider", "Amazon Web Services");
        choose("#candidate-region", "us-east-1");
        choose("#candidate-accelerator", "H100");
        assertThat(page.locator("#candidate-count")).containsText(Pattern.compile("^\\d+ offerings match$"));
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
        shoot(page.locator("#training-recommendation"), "simulate-training-recommendation");
        shoot(page.locator("#training-grid"), "simulate-training-grid");
        shoot(page.locator("#cost-distribution-chart"), "simulate-cost-distribution");
        shoot(page.locator("#cost-time-chart"), "simulate-cost-vs-time");

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
        shoot(page.locator("#hybrid-grid"), "simulate-hybrid-plans");
        shoot(page.locator("#inference-recommendation"), "simulate-inference-recommendation");
        shoot(page.locator("#instances-chart"), "simulate-instances-per-hour");
        shoot(page.locator("#coverage-chart"), "simulate-commitment-coverage");
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
    void aNewcomersDefaultTrainingRunGetsAFeasibleGpuRecommendation() {
        loginAs("engineer");
        open("simulate");
        // A GPU job by default: CPU-only offerings are not candidates, and 2,000 H100-hours on 16 accelerators
        // fit the 168 h deadline.
        assertThat(page.locator("#candidate-include-cpu input")).not().isChecked();
        assertThat(page.locator("#training-accelerators input")).hasValue("16");
        assertThat(page.locator("#candidate-limit input")).hasValue("60");
        page.locator("#run-simulation").click();
        Locator recommendation = page.locator("#training-recommendation");
        assertThat(recommendation).containsText("Recommended:", SLOW_TEXT);
        assertThat(recommendation).containsText("that finish within 168 h with at least 90% probability");
        assertThat(recommendation.locator(".recommendation-choice")).not().containsText("vCPU");
        assertThat(recommendation.locator(".recommendation-choice")).not().containsText("tpu");
        assertThat(recommendation.locator(".recommendation-choice")).not().containsText("commitment");
        assertThat(recommendation).not().containsText(Pattern.compile("-\\d+%"));
        // Offerings that cannot make the deadline are listed with the reason, not silently dropped.
        assertThat(page.locator("#training-coverage")).containsText(
                Pattern.compile("^\\d+ offerings simulated; \\d+ cannot run this job"));
        assertThat(page.locator("#training-infeasible")).containsText("cannot finish before the deadline");
        Locator grid = page.locator("#training-grid");
        assertThat(grid).containsText("P50 cost");
        assertThat(grid).containsText("May be recommended");
        shoot(recommendation, "simulate-default-recommendation");
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
        // The OpenCL backend comes from the built-in compute-opencl plugin (PoCL here; unavailable with a reason
        // where no OpenCL platform is installed).
        assertThat(page.locator("#backends-grid")).containsText("opencl");
        assertThat(page.locator("#measurements-grid")).containsText("sgemm");
        shoot(page.locator("#choices-grid"), "admin-compute-choices");
        shoot(page.locator("#measurements-grid"), "admin-compute-measurements");
        screenshot("admin-compute");
        choose("#override-sgemm", "reference");
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

    @Test
    void engineerServesALoadCurveReadFromUsageData() {
        loginAs("engineer");
        open("simulate");
        page.getByText("Inference service").click();
        page.getByText("From usage data").click();
        page.locator("#usage-load-dataset").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("demo")).first().click();
        waitForVaadin();
        // The demo billing has no request counts, so the GPU fleet's instance-hours give the shape, scaled to the peak.
        choose("#usage-load-unit", "Hours");
        page.locator("#usage-load-filter-column").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("ServiceCategory")).first()
                .click();
        waitForVaadin();
        choose("#usage-load-filter-value", "AI and Machine Learning");
        assertThat(page.getByLabel("no request count: scale the curve to the peak requests/s")).isChecked();
        page.locator("#inference-peak input").fill("60");
        page.locator("#usage-load-preview").click();
        assertThat(page.locator("#usage-load-summary")).containsText(
                Pattern.compile("^720 hours · mean [\\d.,]+ requests/s · peak 60\\.0 requests/s$"));
        assertThat(page.locator("#usage-load-chart")).hasAttribute("data-render-count", Pattern.compile("[1-9]\\d*"));
        choose("#candidate-provider", "Amazon Web Services");
        choose("#candidate-region", "us-east-1");
        page.locator("#run-simulation").click();
        assertThat(page.locator("#inference-recommendation")).containsText("Recommended:", SLOW_TEXT);
        assertThat(page.locator("#inference-recommendation")).containsText("720-hour load curve");
        shoot(page.locator("#inference-form"), "simulate-inference-usage-load");

        // Saved, then loaded into a fresh form: the load's definition comes back, not the daily cycle.
        page.locator("#scenario-name input").fill("Serve the GPU fleet's shape");
        page.locator("#save-scenario").click();
        assertThat(page.locator("#scenarios-grid")).containsText("Serve the GPU fleet's shape");
        open("simulate");
        rowCheckbox(0).click(); // the newest scenario comes first
        page.locator("#load-scenario").click();
        waitForVaadin();
        assertThat(page.getByLabel("From usage data")).isChecked();
        assertThat(page.locator("#usage-load-unit input")).hasValue("Hours");
        assertThat(page.locator("#usage-load-filter-value input")).hasValue("AI and Machine Learning");
        assertThat(page.locator("#inference-peak input")).hasValue("60");
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

    /** Types into a combo box and clicks the item with exactly that text (items load lazily). */
    private void choose(String comboBox, String value) {
        Locator input = page.locator(comboBox + " input");
        input.click();
        input.fill(value);
        page.getByRole(com.microsoft.playwright.options.AriaRole.OPTION,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName(value).setExact(true)).first().click();
        waitForVaadin();
        assertThat(input).hasValue(value);
    }

    private Locator rowCheckbox(int row) {
        return page.locator("#scenarios-grid vaadin-checkbox").nth(row + 1);
    }
}
