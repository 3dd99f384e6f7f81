package dev.burnrate.engine.usage;

import dev.burnrate.engine.usage.ingest.ImportOptions;
import dev.burnrate.engine.usage.ingest.ImportProgress;
import dev.burnrate.engine.usage.ingest.ImportProgress.Phase;
import dev.burnrate.engine.usage.ingest.SourceFormat;
import dev.burnrate.engine.usage.store.FileImports;
import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.engine.usage.store.StagedVersion;
import dev.burnrate.engine.usage.store.VersionManifest;
import dev.burnrate.engine.usage.validation.ValidationMode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress an import reports: rising by bytes while reading a CSV (by rows of the announced total for a
 * Parquet file, by record batches for an Arrow file), then writing, ending done at 100%.
 */
class ImportProgressTest extends AllocatorTestBase {

    private record Report(Phase phase, long rows, double fraction) { }

    @Test
    void aCsvImportReportsRisingProgressEndingAtOneHundredPercent() throws IOException {
        Path csv = repeatedSample(20); // 10,000 rows: several reports while reading
        List<Report> reports = new ArrayList<>();
        ImportProgress listener = (phase, rows, fraction) -> reports.add(new Report(phase, rows, fraction));

        ImportResult result;
        try (StagedVersion staged = new FileImports(store).stage("big", csv, "big.csv", SourceFormat.CSV,
                ImportOptions.defaults().withMode(ValidationMode.LENIENT), "t", listener)) {
            result = staged.publish();
        }

        long rows = result.report().rowsRead();
        assertThat(rows).isEqualTo(10_000);
        assertThat(reports).hasSizeGreaterThanOrEqualTo(1 + 10_000 / ImportProgress.EVERY_ROWS + 2);
        for (int i = 1; i < reports.size(); i++) {
            Report before = reports.get(i - 1);
            Report now = reports.get(i);
            assertThat(now.phase()).isGreaterThanOrEqualTo(before.phase());
            assertThat(now.rows()).isGreaterThanOrEqualTo(before.rows());
            assertThat(now.fraction()).isGreaterThanOrEqualTo(before.fraction());
        }
        assertThat(reports).allSatisfy(r -> assertThat(r.fraction()).isBetween(0.0, 1.0));
        List<Report> reading = reports.stream().filter(r -> r.phase() == Phase.READING).toList();
        assertThat(reading.getLast().fraction()).isGreaterThan(reading.getFirst().fraction()).isLessThan(1.0);
        assertThat(reports.getLast()).isEqualTo(new Report(Phase.DONE, rows, 1.0));
    }

    @Test
    void aParquetImportReportsTheShareOfTheFilesRowsRead() throws Exception {
        Path parquet = temp.resolve("big.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM read_csv('" + repeatedSample(20) + "', nullstr='NULL', header=true)) TO '"
                    + parquet + "' (FORMAT parquet)");
        }
        List<Report> reports = new ArrayList<>();
        try (StagedVersion staged = new FileImports(store).stage("big", parquet, "big.parquet", SourceFormat.PARQUET,
                ImportOptions.defaults().withMode(ValidationMode.LENIENT), "t",
                (phase, rows, fraction) -> reports.add(new Report(phase, rows, fraction)))) {
            assertThat(staged.publish().report().rowsRead()).isEqualTo(10_000);
        }

        // Every 4,096 rows: the fraction is rows read of the 10,000 the file's metadata announces.
        List<Report> counted = reports.stream().filter(r -> r.phase() == Phase.READING && r.rows() > 0).toList();
        assertThat(counted).extracting(Report::rows).containsExactly(4_096L, 8_192L);
        assertThat(counted).extracting(Report::fraction).containsExactly(0.4096, 0.8192);
    }

    @Test
    void anArrowFileImportReportsTheShareOfItsRecordBatchesLoaded() throws IOException {
        VersionManifest stored;
        try (StagedVersion staged = new FileImports(store).stage("batches", repeatedSample(20), "big.csv",
                SourceFormat.CSV, ImportOptions.defaults().withMode(ValidationMode.LENIENT).withBatchSize(2_500), "t",
                ImportProgress.NONE)) {
            stored = staged.publish().version().orElseThrow();
        }
        String version = stored.versionId();
        Path file = Files.copy(store.dataFile("batches", version), temp.resolve("four-batches.arrow"));
        List<Report> reports = new ArrayList<>();
        try (StagedVersion staged = new FileImports(store).stage("copy", file, "four-batches.arrow",
                SourceFormat.ARROW_FILE, ImportOptions.defaults().withMode(ValidationMode.LENIENT), "t",
                (phase, rows, fraction) -> reports.add(new Report(phase, rows, fraction)))) {
            // 10,000 rows: the sample's credit row, repeated 20 times, is a kept deviation, not quarantined
            assertThat(staged.publish().report().rowsRead()).isEqualTo(stored.rowCount()).isEqualTo(10_000);
        }

        List<Double> fractions = reports.stream().filter(r -> r.phase() == Phase.READING && r.rows() > 0)
                .map(Report::fraction).toList();
        assertThat(fractions).isNotEmpty().isSorted().allSatisfy(f -> assertThat(f).isIn(0.25, 0.5, 0.75, 1.0));
        assertThat(fractions.getLast()).isEqualTo(1.0);
    }

    @Test
    void aRejectedImportNeverReportsDone() throws IOException {
        Path csv = temp.resolve("empty.csv");
        Files.writeString(csv, "");
        List<Phase> phases = new ArrayList<>();
        try (StagedVersion staged = new FileImports(store).stage("none", csv, "empty.csv", SourceFormat.CSV,
                ImportOptions.defaults(), "t", (phase, rows, fraction) -> phases.add(phase))) {
            assertThat(staged.result().orElseThrow().status()).isEqualTo(ImportResult.Status.REJECTED);
        }
        assertThat(phases).doesNotContain(Phase.DONE);
    }

    private Path repeatedSample(int times) throws IOException {
        List<String> lines = Files.readAllLines(sample(), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>(lines.subList(0, 1));
        for (int i = 0; i < times; i++) {
            out.addAll(lines.subList(1, lines.size()));
        }
        Path big = temp.resolve("big.csv");
        Files.write(big, out, StandardCharsets.UTF_8);
        return big;
    }
}
