package dev.burnrate.engine.usage;

import dev.burnrate.engine.usage.ingest.ImportOptions;
import dev.burnrate.engine.usage.ingest.SourceFormat;
import dev.burnrate.engine.usage.store.FileImports;
import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.engine.usage.store.UsageTable;
import dev.burnrate.engine.usage.store.VersionExport;
import dev.burnrate.engine.usage.store.VersionManifest;
import dev.burnrate.engine.usage.validation.Rule;
import dev.burnrate.engine.usage.validation.Severity;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Arrow IPC (file and stream) and Parquet imports, and CSV export, all reconciling with the CSV import. */
class FormatsImportTest extends AllocatorTestBase {

    private static final ImportOptions OPTIONS = ImportOptions.defaults().withSeverity(Rule.NON_NEGATIVE, Severity.WARNING);
    private VersionManifest fromCsv;

    @BeforeEach
    void importSample() {
        fromCsv = importCsv("sample", sample(), OPTIONS).version().orElseThrow();
    }

    private ImportResult importAs(String dataset, Path file, SourceFormat format) {
        return new FileImports(store).importFile(dataset, file, file.getFileName().toString(), format, OPTIONS, "t");
    }

    @Test
    void anExportedArrowStreamReimportsAsTheSameContent() throws IOException {
        Path stream = temp.resolve("sample.arrows");
        try (UsageTable t = store.open("sample", fromCsv.versionId(), allocator);
             OutputStream out = Files.newOutputStream(stream)) {
            VersionExport.writeArrowStream(t, out, allocator);
        }
        assertThat(SourceFormat.detect(stream)).isEqualTo(SourceFormat.ARROW_STREAM);
        ImportResult again = importAs("sample", stream, SourceFormat.ARROW_STREAM);
        assertThat(again.status()).isEqualTo(ImportResult.Status.DUPLICATE);

        ImportResult elsewhere = importAs("copy", stream, SourceFormat.ARROW_STREAM);
        assertThat(elsewhere.version().orElseThrow().contentSha256()).isEqualTo(fromCsv.contentSha256());
        assertThat(elsewhere.version().get().lineage().sourceSha256()).isEqualTo(FileImports.sha256(stream));
    }

    @Test
    void aStoredVersionFileImportsAsAnArrowFile() throws IOException {
        Path file = Files.copy(store.dataFile("sample", fromCsv.versionId()), temp.resolve("sample.arrow"));
        assertThat(SourceFormat.detect(file)).isEqualTo(SourceFormat.ARROW_FILE);
        ImportResult r = importAs("copy", file, SourceFormat.ARROW_FILE);
        assertThat(r.version().orElseThrow().totals()).isEqualTo(fromCsv.totals());
        assertThat(r.version().get().rowCount()).isEqualTo(500);
    }

    @Test
    void aForeignArrowFileWithPlainStringsAndMillisecondTimesIsConverted() throws IOException {
        Path file = temp.resolve("foreign.arrow");
        try (VarCharVector category = new VarCharVector("ChargeCategory", allocator);
             TimeStampMilliVector start = new TimeStampMilliVector("ChargePeriodStart", allocator);
             TimeStampMilliVector end = new TimeStampMilliVector("ChargePeriodEnd", allocator);
             Float8Vector billed = new Float8Vector("BilledCost", allocator);
             Float8Vector effective = new Float8Vector("EffectiveCost", allocator);
             VectorSchemaRoot root = VectorSchemaRoot.of(category, start, end, billed, effective);
             FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             ArrowFileWriter writer = new ArrowFileWriter(root, null, ch)) {
            long t0 = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
            for (int i = 0; i < 4; i++) {
                category.setSafe(i, (i == 2 ? "usage" : i == 3 ? "Refund" : "Usage").getBytes(StandardCharsets.UTF_8));
                start.setSafe(i, t0 + i * 3_600_000L);
                end.setSafe(i, t0 + (i + 1) * 3_600_000L);
                billed.setSafe(i, 1.25 * (i + 1));
                effective.setSafe(i, i);
            }
            root.setRowCount(4);
            writer.start();
            writer.writeBatch();
            writer.end();
        }
        ImportResult r = new FileImports(store).importFile("foreign", file, "foreign.arrow", SourceFormat.ARROW_FILE,
                ImportOptions.defaults().withMode(dev.burnrate.engine.usage.validation.ValidationMode.LENIENT), "t");
        VersionManifest v = r.version().orElseThrow();
        assertThat(v.rowCount()).isEqualTo(3);
        assertThat(v.totals().billedCost()).isEqualTo(7.5);
        assertThat(v.from()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(r.report().warnings()).anySatisfy(w -> assertThat(w.first().value()).isEqualTo("usage"));
        assertThat(r.report().rowsQuarantined()).isEqualTo(1);
        assertThat(r.report().errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(4);
            assertThat(e.column()).isEqualTo("ChargeCategory");
            assertThat(e.value()).isEqualTo("Refund");
            assertThat(e.rule()).isEqualTo(Rule.ALLOWED_VALUES);
        });
        assertThat(java.nio.file.Files.readAllLines(store.quarantineFile("foreign", v.versionId()).orElseThrow()).get(1))
                .startsWith("Refund,");
    }

    @Test
    void parquetWrittenByDuckDbImportsWithTheSameTotals() throws Exception {
        Path parquet = temp.resolve("sample.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM read_csv('" + sample() + "', nullstr='NULL', header=true)) TO '"
                    + parquet + "' (FORMAT parquet)");
        }
        assertThat(SourceFormat.detect(parquet)).isEqualTo(SourceFormat.PARQUET);
        ImportResult r = importAs("parquet", parquet, SourceFormat.PARQUET);
        VersionManifest v = r.version().orElseThrow();
        assertThat(v.rowCount()).isEqualTo(500);
        assertThat(v.totals().billedCost()).isCloseTo(fromCsv.totals().billedCost(), within(1e-9));
        assertThat(v.totals().effectiveCost()).isCloseTo(fromCsv.totals().effectiveCost(), within(1e-9));
        assertThat(v.from()).isEqualTo(fromCsv.from());
        assertThat(v.providers()).isEqualTo(fromCsv.providers());
    }

    @Test
    void csvExportReimportsToTheSameTotals() throws IOException {
        Path csv = temp.resolve("export.csv");
        try (UsageTable t = store.open("sample", fromCsv.versionId(), allocator);
             OutputStream out = Files.newOutputStream(csv)) {
            VersionExport.writeCsv(t, out);
        }
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(501);
        assertThat(lines.get(1)).contains("T").contains("Z");
        VersionManifest again = importCsv("exported", csv, OPTIONS).version().orElseThrow();
        assertThat(again.totals()).isEqualTo(fromCsv.totals());
        assertThat(again.rowCount()).isEqualTo(500);
    }
}
