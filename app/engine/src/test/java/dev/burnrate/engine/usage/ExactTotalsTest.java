package dev.burnrate.engine.usage;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.burnrate.engine.usage.query.Metric;
import dev.burnrate.engine.usage.query.QueryEngine;
import dev.burnrate.engine.usage.query.QueryResult;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.engine.usage.store.UsageTable;
import dev.burnrate.engine.usage.store.VersionManifest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The totals of a real export, imported in the default (lenient) mode, equal exact BigDecimal sums of the file's
 * text for every cost column, overall and per provider and per service: NULL cells are skipped (never read as 0,
 * never dropping their row's other costs), credits subtract. Runs on the FOCUS sample as published and on a
 * variant with a provider's NULL ContractedCost, NULL list costs and credits.
 */
class ExactTotalsTest extends AllocatorTestBase {

    private static final List<Metric> COSTS = List.of(Metric.BILLED_COST, Metric.EFFECTIVE_COST, Metric.LIST_COST,
            Metric.CONTRACTED_COST);

    @ParameterizedTest
    @ValueSource(strings = {"sample", "nulls-and-credits"})
    void totalsEqualExactDecimalSumsPerProviderAndService(String variant) throws IOException {
        Path csv = variant.equals("sample") ? sample()
                : NullCostExportTest.RealExports.withNullsAndCredits(sample(), temp.resolve("export.csv"));
        ImportResult r = importCsv("ds", csv, NullCostExportTest.LENIENT);
        assertThat(r.report().rowsQuarantined()).isZero();
        VersionManifest v = r.version().orElseThrow();

        Map<String, Map<Metric, BigDecimal>> byProvider = exactSums(csv, "ProviderName");
        Map<String, Map<Metric, BigDecimal>> byService = exactSums(csv, "ServiceName");
        Map<Metric, BigDecimal> all = new HashMap<>();
        byProvider.values().forEach(m -> m.forEach((k, x) -> all.merge(k, x, BigDecimal::add)));
        assertCents(v.totals().billedCost(), all.get(Metric.BILLED_COST));
        assertCents(v.totals().effectiveCost(), all.get(Metric.EFFECTIVE_COST));
        assertCents(v.totals().listCost(), all.get(Metric.LIST_COST));
        assertCents(v.totals().contractedCost(), all.get(Metric.CONTRACTED_COST));

        try (UsageTable table = store.open("ds", v.versionId(), allocator)) {
            QueryEngine engine = new QueryEngine();
            compare(engine.run(table, query("ProviderName")), byProvider);
            compare(engine.run(table, query("ServiceName")), byService);
        }
        if (!variant.equals("sample")) {
            assertThat(byProvider).containsKey("Oracle");
        }
    }

    private static UsageQuery query(String column) {
        return UsageQuery.builder().groupBy(column).sum(COSTS.toArray(Metric[]::new)).build();
    }

    private static void compare(QueryResult result, Map<String, Map<Metric, BigDecimal>> expected) {
        assertThat(result.rows()).hasSize(expected.size());
        for (QueryResult.Row row : result.rows()) {
            Map<Metric, BigDecimal> exact = expected.get(row.keys().getFirst());
            assertThat(exact).as("group %s", row.keys()).isNotNull();
            for (int m = 0; m < COSTS.size(); m++) {
                assertCents(row.values()[m], exact.getOrDefault(COSTS.get(m), BigDecimal.ZERO));
            }
        }
    }

    private static void assertCents(double actual, BigDecimal exact) {
        assertThat(BigDecimal.valueOf(actual).setScale(2, RoundingMode.HALF_UP))
                .isEqualTo(exact.setScale(2, RoundingMode.HALF_UP));
        assertThat(Math.abs(actual - exact.doubleValue())).isLessThan(1e-9);
    }

    /** Sums straight from the CSV text with BigDecimal, skipping NULL and empty cells; no importer code. */
    private static Map<String, Map<Metric, BigDecimal>> exactSums(Path csv, String groupColumn) throws IOException {
        Map<String, Map<Metric, BigDecimal>> out = new HashMap<>();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(csv)) {
            for (NamedCsvRecord r : reader) {
                Map<Metric, BigDecimal> sums = out.computeIfAbsent(r.getField(groupColumn), k -> new HashMap<>());
                for (Metric m : COSTS) {
                    String text = r.getField(m.column());
                    if (!text.isEmpty() && !text.equals("NULL")) {
                        sums.merge(m, new BigDecimal(text), BigDecimal::add);
                    }
                }
            }
        }
        return out;
    }
}
