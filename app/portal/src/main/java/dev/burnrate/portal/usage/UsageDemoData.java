package dev.burnrate.portal.usage;

import dev.burnrate.engine.usage.synth.GeneratorSpec;
import dev.burnrate.engine.usage.synth.SkuSpec;
import dev.burnrate.engine.usage.synth.SyntheticFocusGenerator;
import dev.burnrate.engine.usage.validation.ValidationMode;
import dev.burnrate.portal.demo.DemoDataContributor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Demo mode: a "demo" dataset of synthetic FOCUS rows (about 100,000 hourly rows over the last 45 days, GPU and
 * CPU instances of three providers, the demo teams as the {@code team} tag, two planted cost spikes), imported
 * through the normal service path so it has a version, lineage and an audit entry. Skipped when it exists.
 */
@Component
class UsageDemoData implements DemoDataContributor {

    static final String DATASET = "demo";
    private static final Logger log = LoggerFactory.getLogger(UsageDemoData.class);
    private static final List<String> TEAMS = List.of("ml-research", "inference", "platform", "vision", "search");

    private final UsageService usage;
    private final Clock clock;

    UsageDemoData(UsageService usage, Clock clock) {
        this.usage = usage;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public String name() {
        return "usage data";
    }

    @Override
    public void load() {
        if (usage.datasets().stream().anyMatch(d -> d.name().equals(DATASET) && d.versions() > 0)) {
            return;
        }
        Instant start = clock.instant().truncatedTo(ChronoUnit.DAYS).minus(45, ChronoUnit.DAYS);
        GeneratorSpec spec = new GeneratorSpec(2026, start, 45, 140, TEAMS, SkuSpec.defaults(), 2);
        Path csv = null;
        try {
            csv = Files.createTempFile("burnrate-demo-usage", ".csv");
            long rows;
            try (OutputStream out = Files.newOutputStream(csv)) {
                rows = new SyntheticFocusGenerator(spec).writeCsv(out);
            }
            var result = usage.importFile(DATASET, csv, "synthetic-demo.csv", ValidationMode.STRICT, "team");
            log.info("Demo usage dataset: {} rows, {}", rows, result.status());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write demo usage data", e);
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
