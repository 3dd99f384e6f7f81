package dev.burnrate.engine.usage;

import dev.burnrate.engine.usage.ingest.ImportOptions;
import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.engine.usage.store.UsageTable;
import dev.burnrate.engine.usage.store.VersionManifest;
import dev.burnrate.engine.usage.validation.Rule;
import dev.burnrate.engine.usage.validation.Severity;
import dev.burnrate.engine.usage.validation.ValidationIssue;
import dev.burnrate.engine.usage.validation.ValidationMode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real FOCUS 1.0 sample, imported as it is, quirks included. */
class SampleImportTest extends AllocatorTestBase {

    @Test
    void strictModeRejectsTheSampleForItsNegativeUnitPriceAndStoresNothing() {
        ImportResult result = importCsv("sample", sample(), ImportOptions.defaults());

        assertThat(result.status()).isEqualTo(ImportResult.Status.REJECTED);
        assertThat(result.report().errorCount()).isEqualTo(1);
        ValidationIssue issue = result.report().errors().getFirst();
        assertThat(issue.rule()).isEqualTo(Rule.NON_NEGATIVE);
        assertThat(issue.column()).isEqualTo("ContractedUnitPrice");
        assertThat(issue.value()).isEqualTo("-3.0");
        assertThat(result.report().rejectionReason()).contains("row " + issue.row()).contains("ContractedUnitPrice");
        assertThat(store.versions("sample")).isEmpty();
    }

    @Test
    void lenientModeKeepsTheCreditRowAndReportsItsNegativeUnitPrice() throws Exception {
        ImportResult result = importCsv("sample", sample(), ImportOptions.defaults().withMode(ValidationMode.LENIENT));

        assertThat(result.status()).isEqualTo(ImportResult.Status.CREATED);
        VersionManifest v = result.version().orElseThrow();
        // A negative unit price is a FOCUS deviation the data still represents as found: kept, not quarantined.
        assertThat(v.rowCount()).isEqualTo(500);
        assertThat(v.quarantinedRows()).isZero();
        assertThat(result.report().deviations()).anySatisfy(d -> {
            assertThat(d.rule()).isEqualTo(Rule.NON_NEGATIVE);
            assertThat(d.column()).isEqualTo("ContractedUnitPrice");
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.examples().getFirst().value()).isEqualTo("-3.0");
        });
    }

    @Test
    void lenientModeQuarantinesTheCreditRowWhenItsRuleIsAnError() throws Exception {
        ImportResult result = importCsv("sample", sample(), ImportOptions.defaults().withMode(ValidationMode.LENIENT)
                .withSeverity(Rule.NON_NEGATIVE, Severity.ERROR));

        assertThat(result.status()).isEqualTo(ImportResult.Status.CREATED);
        VersionManifest v = result.version().orElseThrow();
        assertThat(v.rowCount()).isEqualTo(499);
        assertThat(v.quarantinedRows()).isEqualTo(1);
        List<String> quarantine = Files.readAllLines(store.quarantineFile("sample", v.versionId()).orElseThrow());
        assertThat(quarantine).hasSize(2);
        assertThat(quarantine.get(0)).startsWith("AvailabilityZone,BilledCost").endsWith("x_QuarantineReasons");
        assertThat(quarantine.get(1)).contains("AWS Open Source Promotional Credits").contains("[non-negative]");
    }

    @Test
    void sampleQuirksAreNormalisedAndReported() throws Exception {
        ImportResult result = importCsv("sample", sample(),
                ImportOptions.defaults().withSeverity(Rule.NON_NEGATIVE, Severity.WARNING));

        VersionManifest v = result.version().orElseThrow();
        assertThat(v.rowCount()).isEqualTo(500);
        assertThat(v.providers()).containsExactly("AWS");
        assertThat(v.from()).isEqualTo(Instant.parse("2024-09-01T00:00:00Z"));
        assertThat(v.to()).isEqualTo(Instant.parse("2024-09-30T23:00:00Z"));
        assertThat(v.columns()).contains("Id", "Tags", "BilledCost");
        assertThat(result.report().warnings()).anySatisfy(w -> {
            assertThat(w.rule()).isEqualTo(Rule.COLUMN_NAME);
            assertThat(w.column()).isEqualTo("Id");
        });
        assertThat(result.report().warnings()).anySatisfy(w -> {
            assertThat(w.rule()).isEqualTo(Rule.VALUE_NORMALISED);
            assertThat(w.column()).isEqualTo("ChargePeriodStart");
            assertThat(w.count()).isEqualTo(500);
        });
        try (UsageTable table = store.open("sample", v.versionId(), allocator)) {
            assertThat(table.rowCount()).isEqualTo(500);
            int zone = table.columnIndex("AvailabilityZone");
            long nulls = 0;
            for (int b = 0; b < table.batchCount(); b++) {
                nulls += table.vector(b, zone).getNullCount();
            }
            assertThat(nulls).as("literal NULL cells are nulls").isEqualTo(472);
        }
    }

    @Test
    void reimportingIdenticalContentIsDetected() {
        ImportOptions options = ImportOptions.defaults().withSeverity(Rule.NON_NEGATIVE, Severity.WARNING);
        ImportResult first = importCsv("sample", sample(), options);
        clock.advance(java.time.Duration.ofMinutes(5));
        ImportResult second = importCsv("sample", sample(), options);

        assertThat(first.status()).isEqualTo(ImportResult.Status.CREATED);
        assertThat(second.status()).isEqualTo(ImportResult.Status.DUPLICATE);
        assertThat(second.version().orElseThrow().versionId()).isEqualTo(first.version().orElseThrow().versionId());
        assertThat(store.versions("sample")).hasSize(1);
    }
}
