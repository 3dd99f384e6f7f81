package dev.burnrate.portal.usage;

import dev.burnrate.engine.usage.synth.GeneratorSpec;
import dev.burnrate.engine.usage.synth.SkuSpec;
import dev.burnrate.engine.usage.synth.SyntheticFocusGenerator;
import dev.burnrate.engine.usage.validation.ValidationMode;
import dev.burnrate.portal.demo.DemoDataContributor;
import dev.burnrate.portal.plugin.CatalogFilter;
import dev.burnrate.portal.plugin.CatalogOffering;
import dev.burnrate.portal.plugin.CatalogSort;
import dev.burnrate.portal.plugin.PluginCatalogService;
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
 * CPU instances priced from the provider plugins' catalogs, the demo teams as the {@code team} tag, two planted cost spikes), imported
 * through the normal service path so it has a version, lineage and an audit entry. Skipped when it exists.
 */
@Component
class UsageDemoData implements DemoDataContributor {

    static final String DATASET = "demo";
    private static final Logger log = LoggerFactory.getLogger(UsageDemoData.class);
    private static final List<String> TEAMS = List.of("ml-research", "inference", "platform", "vision", "search");

    private final UsageDatasetService datasets;
    private final UsageImportService imports;
    private final PluginCatalogService catalog;
    private final Clock clock;

    UsageDemoData(UsageDatasetService datasets, UsageImportService imports, PluginCatalogService catalog,
                  Clock clock) {
        this.datasets = datasets;
        this.imports = imports;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * What the demo resources run on: per provider plugin, two GPU offerings and one CPU offering from its
     * catalog (first by key, so the choice is stable), named as the provider displays itself. The built-in
     * catalog of the generator is the fallback when no provider plugin is loaded.
     */
    List<SkuSpec> skus() {
        List<SkuSpec> out = new java.util.ArrayList<>();
        for (var provider : catalog.providers()) {
            var offerings = catalog.offerings(new CatalogFilter(provider.providerId(), null, null, null, false, false),
                    CatalogSort.INSTANCE_TYPE, true, 0, Integer.MAX_VALUE).stream()
                    .map(CatalogOffering::offering)
                    .filter(o -> o.prices().onDemand() > 0 && !o.instanceType().startsWith("tpu"))
                    .sorted(java.util.Comparator.comparing(dev.burnrate.api.Offering::key)).toList();
            offerings.stream().filter(o -> o.acceleratorCount() > 0)
                    .filter(distinctTypes()).limit(2).forEach(o -> out.add(sku(provider.displayName(), o)));
            offerings.stream().filter(o -> o.acceleratorCount() == 0).limit(1)
                    .forEach(o -> out.add(sku(provider.displayName(), o)));
        }
        return out.isEmpty() ? SkuSpec.defaults() : out;
    }

    private static java.util.function.Predicate<dev.burnrate.api.Offering> distinctTypes() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return o -> seen.add(o.instanceType());
    }

    private static SkuSpec sku(String providerName, dev.burnrate.api.Offering o) {
        SkuSpec s = SkuSpec.from(o);
        return new SkuSpec(providerName, s.serviceName(), s.regionId(), s.instanceType(), s.acceleratorName(),
                s.acceleratorCount(), s.onDemandPrice(), s.spotPrice());
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
        if (datasets.datasets().stream().anyMatch(d -> d.name().equals(DATASET) && d.versions() > 0)) {
            return;
        }
        Instant start = clock.instant().truncatedTo(ChronoUnit.DAYS).minus(45, ChronoUnit.DAYS);
        GeneratorSpec spec = new GeneratorSpec(2026, start, 45, 140, TEAMS, skus(), 2);
        Path csv = null;
        try {
            csv = Files.createTempFile("burnrate-demo-usage", ".csv");
            long rows;
            try (OutputStream out = Files.newOutputStream(csv)) {
                rows = new SyntheticFocusGenerator(spec).writeCsv(out);
            }
            // Synthetic history is for exploring; the demo budgets tell their story with the provisioning history
            // (ML research at 75%), so this dataset does not count toward budgets. Imported billing data does.
            datasets.createDataset(DATASET, "Synthetic demo usage", "team", false);
            var result = imports.importFile(DATASET, csv, "synthetic-demo.csv", ValidationMode.STRICT, "team");
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
