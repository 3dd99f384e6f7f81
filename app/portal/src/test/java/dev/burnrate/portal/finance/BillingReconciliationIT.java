package dev.burnrate.portal.finance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.burnrate.engine.usage.query.GroupKey;
import dev.burnrate.engine.usage.query.Metric;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.engine.usage.validation.ValidationMode;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.BrowserTestBase;
import dev.burnrate.portal.support.FocusSamples;
import dev.burnrate.portal.support.RunAs;
import dev.burnrate.portal.usage.UsageDatasetService;
import dev.burnrate.portal.usage.UsageImportService;
import dev.burnrate.portal.usage.UsageQueryService;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Finance figures reconcile to the cent with an independent decimal computation over the source file: every
 * BilledCost and EffectiveCost total per ProviderName, ServiceName and team tag (and currency) that
 * {@link BillingData} sums, rounded once with {@link Cents}, equals the BigDecimal sum of the file's text read
 * with FastCSV and Jackson (no importer code), rounded half-even. Runs on the real FOCUS sample and on synthetic
 * billing with credits, a refund, an amortised commitment, a second currency and half-cent ties.
 * The usage data lives in the dataset store; the database holds only the datasets' metadata (H2 here).
 */
class BillingReconciliationIT extends BrowserTestBase {

    private static final List<Metric> COSTS = List.of(Metric.BILLED_COST, Metric.EFFECTIVE_COST);
    private static final String NONE = "(none)";

    @Autowired
    BillingData billing;
    @Autowired
    UsageDatasetService datasets;
    @Autowired
    UsageImportService imports;
    @Autowired
    UsageQueryService queries;
    @Autowired
    ApplicationContext app;

    private <T> T asFinance(Supplier<T> work) {
        return RunAs.user(app, "finance", work, Role.FINANCE);
    }

    @Test
    void theFocusSampleReconcilesPerProviderServiceAndTeam() throws IOException {
        Path csv = FocusSamples.sample("reconcile-sample.csv");
        int groups = reconcile("recon-sample", csv, "business_unit");
        assertThat(groups).isGreaterThan(10);
    }

    @Test
    void syntheticBillingWithCreditsRefundsAndCommitmentsReconciles() throws IOException {
        Path csv = Path.of("target", "it-data", "reconcile-synthetic.csv");
        Files.createDirectories(csv.getParent());
        SyntheticBilling.Written written = SyntheticBilling.write(csv, 24_000, 7);
        assertThat(written.halfCentTies()).as("team totals that are exact half-cent ties").isGreaterThanOrEqualTo(3);
        int groups = reconcile("recon-synthetic", csv, "team");
        assertThat(groups).isGreaterThan(20);
    }

    /**
     * The FOCUS 1.2 specification's example files (fragments: commitment purchases and their amortised usage, SaaS
     * agreements) that import whole: their BilledCost and EffectiveCost totals per currency reconcile too. Files
     * with rows the importer quarantines, or with cells that are not plain decimals ("$1.00"), are left out.
     */
    @Test
    void theSpecificationsExampleFilesReconcilePerCurrency() throws IOException {
        Path dir = Path.of("..", "engine", "src", "test", "resources", "focus", "spec-examples-v1.2");
        List<Path> files;
        try (var walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        int reconciled = 0;
        for (int i = 0; i < files.size(); i++) {
            Path csv = files.get(i);
            Map<List<String>, BigDecimal> billed;
            Map<List<String>, BigDecimal> effective;
            try {
                billed = exactSums(csv, r -> null, "BilledCost");
                effective = exactSums(csv, r -> null, "EffectiveCost");
            } catch (NumberFormatException | java.util.NoSuchElementException e) {
                continue;
            }
            String dataset = "recon-spec-" + i;
            ImportResult result = asFinance(() -> {
                datasets.createDataset(dataset, "Reconciliation test", "team", false);
                return imports.importFile(dataset, csv, csv.getFileName().toString(), ValidationMode.LENIENT, "team");
            });
            if (result.version().isEmpty() || result.report().rowsQuarantined() > 0) {
                continue;
            }
            DataVersions versions = new DataVersions(List.of(new PinnedVersion(dataset,
                    asFinance(() -> queries.latestVersionKey(dataset)), "team")));
            for (var metric : Map.of(Metric.BILLED_COST, billed, Metric.EFFECTIVE_COST, effective).entrySet()) {
                Map<String, BigDecimal> found = new HashMap<>();
                asFinance(() -> billing.sum(versions, k -> UsageQuery.builder().sum(metric.getKey()).build()))
                        .forEach(r -> found.merge(r.currency(), Cents.round(r.amount()), BigDecimal::add));
                Map<String, BigDecimal> expected = new HashMap<>();
                metric.getValue().forEach((k, v) -> expected.merge(k.get(1), v, BigDecimal::add));
                expected.replaceAll((k, v) -> v.setScale(2, RoundingMode.HALF_EVEN));
                assertThat(found).as("%s of %s", metric.getKey(), csv.getFileName()).isEqualTo(expected);
            }
            reconciled++;
        }
        assertThat(reconciled).as("example files reconciled").isGreaterThanOrEqualTo(8);
    }

    /** Imports the file and compares every group's rounded totals; returns how many groups were compared. */
    private int reconcile(String dataset, Path csv, String teamTag) throws IOException {
        ImportResult result = asFinance(() -> {
            datasets.createDataset(dataset, "Reconciliation test", teamTag, false);
            return imports.importFile(dataset, csv, csv.getFileName().toString(), ValidationMode.LENIENT, teamTag);
        });
        assertThat(result.report().rowsQuarantined()).as(result.report().rejectionReason()).isZero();
        DataVersions versions = new DataVersions(List.of(new PinnedVersion(dataset,
                asFinance(() -> queries.latestVersionKey(dataset)), teamTag)));
        int compared = 0;
        Map<String, Function<NamedCsvRecord, String>> groupings = Map.of(
                "ProviderName", r -> r.getField("ProviderName"),
                "ServiceName", r -> r.getField("ServiceName"),
                "tag:" + teamTag, r -> tag(r.getField("Tags"), teamTag));
        for (var grouping : groupings.entrySet()) {
            for (Metric metric : COSTS) {
                Map<List<String>, BigDecimal> exact = exactSums(csv, grouping.getValue(), metric.column());
                GroupKey key = grouping.getKey().startsWith("tag:") ? GroupKey.tag(teamTag)
                        : GroupKey.dimension(grouping.getKey());
                List<SpendRow> rows = asFinance(() -> billing.sum(versions,
                        tagKey -> UsageQuery.builder().groupBy(key).sum(metric).build()));
                Map<List<String>, BigDecimal> found = new HashMap<>();
                for (SpendRow row : rows) {
                    found.merge(List.of(label(row.keys().getFirst()), row.currency()), Cents.round(row.amount()),
                            BigDecimal::add);
                }
                Map<List<String>, BigDecimal> expected = new HashMap<>();
                exact.forEach((k, v) -> expected.put(k, v.setScale(2, RoundingMode.HALF_EVEN)));
                assertThat(found).as("%s by %s", metric, grouping.getKey()).isEqualTo(expected);
                compared += expected.size();
            }
        }
        return compared;
    }

    /** BigDecimal sums of a cost column per (group, BillingCurrency), straight from the CSV text. */
    private static Map<List<String>, BigDecimal> exactSums(Path csv, Function<NamedCsvRecord, String> group,
                                                           String column) throws IOException {
        Map<List<String>, BigDecimal> out = new HashMap<>();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(csv)) {
            for (NamedCsvRecord r : reader) {
                String text = r.getField(column);
                if (text.isEmpty() || text.equalsIgnoreCase("NULL")) {
                    continue;
                }
                String currency = r.findField("BillingCurrency").filter(c -> !c.isEmpty() && !c.equals("null"))
                        .orElse(UsageQueryService.NO_CURRENCY);
                out.merge(List.of(label(group.apply(r)), currency), new BigDecimal(text), BigDecimal::add);
            }
        }
        return out;
    }

    private static String label(String key) {
        return key == null || key.isEmpty() || key.equals("NULL") || key.equals(UsageQuery.NULL) ? NONE : key;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String tag(String tags, String key) {
        if (tags.isEmpty() || tags.equals("NULL")) {
            return null;
        }
        try {
            return JSON.readValue(tags, new TypeReference<Map<String, String>>() { }).get(key);
        } catch (IOException e) {
            throw new IllegalStateException("bad Tags cell " + tags, e);
        }
    }
}
