package dev.burnrate.portal.chargeback;

import dev.burnrate.engine.usage.validation.ValidationMode;
import dev.burnrate.portal.demo.DemoDataContributor;
import dev.burnrate.portal.usage.UsageDatasetService;
import dev.burnrate.portal.usage.UsageImportService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Demo mode: a "demo-billing" dataset (named to sort after the synthetic "demo" dataset, which the explorer opens
 * first) with twelve months of daily billing history ({@link BillingHistory}) that counts
 * toward budgets, imported through the normal service path, so reviews, forecasts and chargeback statements have
 * a real year behind them. It ends with the last closed month (relative to the clock), so the current month's
 * budgets keep telling the provisioning story. Skipped when the dataset has a version.
 */
@Component
class BillingDemoData implements DemoDataContributor {

    static final String DATASET = "demo-billing";
    private static final Logger log = LoggerFactory.getLogger(BillingDemoData.class);

    private final UsageDatasetService datasets;
    private final UsageImportService imports;
    private final Clock clock;

    BillingDemoData(UsageDatasetService datasets, UsageImportService imports, Clock clock) {
        this.datasets = datasets;
        this.imports = imports;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 210;
    }

    @Override
    public String name() {
        return "billing history";
    }

    @Override
    public void load() {
        if (datasets.datasets().stream().anyMatch(d -> d.name().equals(DATASET) && d.versions() > 0)) {
            return;
        }
        Path csv = null;
        try {
            csv = Files.createTempFile("burnrate-demo-billing", ".csv");
            long rows;
            try (Writer out = Files.newBufferedWriter(csv)) {
                rows = BillingHistory.write(out, YearMonth.now(clock.withZone(ZoneOffset.UTC)));
            }
            datasets.createDataset(DATASET, "Demo billing export", "team", true);
            var result = imports.importFile(DATASET, csv, "demo-billing-export.csv", ValidationMode.STRICT, "team");
            log.info("Demo billing dataset: {} rows, {}", rows, result.status());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo billing history", e);
        } finally {
            if (csv != null) {
                try {
                    Files.deleteIfExists(csv);
                } catch (IOException e) {
                    log.warn("could not delete {}", csv, e);
                }
            }
        }
    }
}
