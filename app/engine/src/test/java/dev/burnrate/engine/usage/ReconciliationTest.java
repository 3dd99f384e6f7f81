package dev.burnrate.engine.usage;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.burnrate.engine.usage.ingest.ImportOptions;
import dev.burnrate.engine.usage.query.Metric;
import dev.burnrate.engine.usage.query.QueryEngine;
import dev.burnrate.engine.usage.query.QueryResult;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.engine.usage.store.UsageTable;
import dev.burnrate.engine.usage.store.VersionManifest;
import dev.burnrate.engine.usage.validation.Rule;
import dev.burnrate.engine.usage.validation.Severity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The totals Burnrate reports for the real FOCUS sample equal totals computed independently from the CSV text
 * with exact decimal arithmetic, to the cent: overall (manifest), per provider and per service (query engine).
 */
class ReconciliationTest extends AllocatorTestBase {

    private static final List<String> METRICS = List.of("BilledCost", "EffectiveCost", "ListCost");

    @Test
    void totalsMatchExactDecimalSumsOfTheCsv() throws IOException {
        Path csv = sample();
        Map<String, Map<String, BigDecimal>> byProvider = exactSums(csv, "ProviderName");
        Map<String, Map<String, BigDecimal>> byService = exactSums(csv, "ServiceName");
        // The sample has one credit row with a negative unit price; accept it as a warning to keep all 500 rows.
        ImportResult result = importCsv("sample", csv,
                ImportOptions.defaults().withSeverity(Rule.NON_NEGATIVE, Severity.WARNING));
        VersionManifest v = result.version().orElseThrow();

        Map<String, BigDecimal> all = new HashMap<>();
        byProvider.values().forEach(m -> m.forEach((k, x) -> all.merge(k, x, BigDecimal::add)));
        assertCents(v.totals().billedCost(), all.get("BilledCost"));
        assertCents(v.totals().effectiveCost(), all.get("EffectiveCost"));
        assertCents(v.totals().listCost(), all.get("ListCost"));

        try (UsageTable table = store.open("sample", v.versionId(), allocator)) {
            QueryEngine engine = new QueryEngine();
            compare(engine.run(table, query("ProviderName")), byProvider);
            compare(engine.run(table, query("ServiceName")), byService);
        }
        assertThat(byService).hasSizeGreaterThan(10);
    }

    private static UsageQuery query(String column) {
        return UsageQuery.builder().groupBy(column)
                .sum(Metric.BILLED_COST, Metric.EFFECTIVE_COST, Metric.LIST_COST).build();
    }

    private static void compare(QueryResult result, Map<String, Map<String, BigDecimal>> expected) {
        assertThat(result.rows()).hasSize(expected.size());
        for (QueryResult.Row row : result.rows()) {
            Map<String, BigDecimal> exact = expected.get(row.keys().getFirst());
            assertThat(exact).as("group %s", row.keys()).isNotNull();
            for (int m = 0; m < METRICS.size(); m++) {
                assertCents(row.values()[m], exact.get(METRICS.get(m)));
            }
        }
    }

    private static void assertCents(double actual, BigDecimal exact) {
        assertThat(BigDecimal.valueOf(actual).setScale(2, RoundingMode.HALF_UP))
                .isEqualTo(exact.setScale(2, RoundingMode.HALF_UP));
        assertThat(Math.abs(actual - exact.doubleValue())).isLessThan(1e-9);
    }

    /** Sums straight from the CSV text with BigDecimal, sharing no code with the importer. */
    private static Map<String, Map<String, BigDecimal>> exactSums(Path csv, String groupColumn) throws IOException {
        Map<String, Map<String, BigDecimal>> out = new HashMap<>();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(csv)) {
            for (NamedCsvRecord r : reader) {
                Map<String, BigDecimal> sums = out.computeIfAbsent(r.getField(groupColumn), k -> new HashMap<>());
                for (String m : METRICS) {
                    sums.merge(m, new BigDecimal(r.getField(m)), BigDecimal::add);
                }
            }
        }
        return out;
    }
}
