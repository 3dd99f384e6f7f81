package dev.burnrate.engine.usage;

import dev.burnrate.engine.usage.ingest.ImportOptions;
import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.engine.usage.store.VersionManifest;
import dev.burnrate.engine.usage.validation.Rule;
import dev.burnrate.engine.usage.validation.ValidationMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FOCUS 1.2 specification's example files, as they are: fragments without most mandatory columns, US dates,
 * currency-formatted numbers, a byte order mark, blank lines, {@code null} cells and one impossible time.
 */
class SpecExamplesTest extends AllocatorTestBase {

    static Stream<String> examples() throws IOException {
        Path dir = Path.of(System.getProperty("user.dir"), "src/test/resources/focus/spec-examples-v1.2");
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".csv")).map(p -> dir.relativize(p).toString())
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleImportsInLenientMode(String name) throws IOException {
        Path csv = resource("focus/spec-examples-v1.2/" + name);
        long dataLines = Files.readAllLines(csv).stream().skip(1).filter(l -> !l.isBlank()).count();
        ImportResult r = importCsv("spec", csv, ImportOptions.defaults().withMode(ValidationMode.LENIENT));

        assertThat(r.status()).as(r.report().rejectionReason()).isIn(ImportResult.Status.CREATED,
                ImportResult.Status.DUPLICATE);
        assertThat(r.report().rowsRead()).isEqualTo(dataLines);
        assertThat(r.report().rowsAccepted() + r.report().rowsQuarantined()).isEqualTo(dataLines);
    }

    @Test
    void fragmentsAreRejectedInStrictModeForTheirMissingColumns() {
        Path csv = resource("focus/spec-examples-v1.2/commitment_discount_scenarios/commitment_discount_usage_scenario_1.csv");
        ImportResult r = importCsv("spec", csv, ImportOptions.defaults());
        assertThat(r.status()).isEqualTo(ImportResult.Status.REJECTED);
        assertThat(r.report().fatal().orElseThrow().rule()).isEqualTo(Rule.MISSING_COLUMN);
    }

    @Test
    void amortisedCommitmentUsageHasEffectiveButNoBilledCost() {
        Path csv = resource("focus/spec-examples-v1.2/commitment_discount_scenarios/commitment_discount_usage_scenario_3.csv");
        VersionManifest v = importCsv("spec", csv, ImportOptions.defaults().withMode(ValidationMode.LENIENT))
                .version().orElseThrow();
        assertThat(v.totals().billedCost()).isZero();
        assertThat(v.totals().effectiveCost()).isEqualTo(1.0);
    }

    @Test
    void anHourOf30IsQuarantinedWithTheReason() throws IOException {
        Path csv = resource("focus/spec-examples-v1.2/commitment_discount_scenarios/commitment_discount_purchase_scenario_3.csv");
        ImportResult r = importCsv("spec", csv, ImportOptions.defaults().withMode(ValidationMode.LENIENT));
        VersionManifest v = r.version().orElseThrow();
        assertThat(v.rowCount()).isEqualTo(3);
        assertThat(r.report().errors()).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo(Rule.TYPE);
            assertThat(e.column()).isEqualTo("ChargePeriodEnd");
            assertThat(e.value()).isEqualTo("2023-02-01T30:00:00Z");
            assertThat(e.row()).isEqualTo(4);
        });
        List<String> q = Files.readAllLines(store.quarantineFile("spec", v.versionId()).orElseThrow());
        assertThat(q.get(1)).contains("2023-02-01T30:00:00Z").contains("[type]");
    }

    @Test
    void currencyFormattedNumbersAreNormalisedAndAnEmptySubcategoryIsKeptAsNull() throws IOException {
        Path csv = resource("focus/spec-examples-v1.2/saas_examples/simple_agreements/simple_saas_agreements_c.csv");
        ImportResult r = importCsv("spec", csv, ImportOptions.defaults().withMode(ValidationMode.LENIENT));
        assertThat(r.report().warnings()).anySatisfy(w -> {
            assertThat(w.rule()).isEqualTo(Rule.VALUE_NORMALISED);
            assertThat(w.column()).isEqualTo("BilledCost");
            assertThat(w.first().value()).isEqualTo("$10,100.00 ");
        });
        // The file has 1.1's columns and none of 1.2's, so it is judged as FOCUS 1.1, which says
        // ServiceSubcategory must not be null: the null is kept and reported, the rows imported.
        assertThat(r.report().focusVersion()).isEqualTo("1.1");
        assertThat(r.report().errors()).isEmpty();
        assertThat(r.report().deviations()).anySatisfy(d -> {
            assertThat(d.rule()).isEqualTo(Rule.NULLABILITY);
            assertThat(d.column()).isEqualTo("ServiceSubcategory");
            assertThat(d.count()).isEqualTo(r.report().rowsRead());
        });
        assertThat(r.report().rowsQuarantined()).isZero();
        assertThat(r.report().rowsAccepted()).isEqualTo(r.report().rowsRead());
    }

    @Test
    void usDatesAreReadAsUtcMidnight() {
        Path csv = resource("focus/spec-examples-v1.2/saas_examples/virtual_currency_pricing_model_c.csv");
        VersionManifest v = importCsv("spec", csv, ImportOptions.defaults().withMode(ValidationMode.LENIENT))
                .version().orElseThrow();
        assertThat(v.rowCount()).isEqualTo(2);
        assertThat(v.from()).isEqualTo(java.time.Instant.parse("2025-04-01T00:00:00Z"));
        assertThat(v.to()).isEqualTo(java.time.Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(v.totals().billedCost()).isEqualTo(53_000.0);
    }
}
