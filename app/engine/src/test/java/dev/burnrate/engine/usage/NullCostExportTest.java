package dev.burnrate.engine.usage;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.burnrate.engine.usage.ingest.ImportOptions;
import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.engine.usage.store.UsageTable;
import dev.burnrate.engine.usage.store.VersionManifest;
import dev.burnrate.engine.usage.validation.Deviation;
import dev.burnrate.engine.usage.validation.Rule;
import dev.burnrate.engine.usage.validation.Severity;
import dev.burnrate.engine.usage.validation.ValidationMode;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real FOCUS 1.0 export in which one provider leaves ContractedCost NULL (FOCUS 1.0 says it "MUST NOT be
 * null"): the default (lenient) import keeps every row with the null kept as null, and lists the deviation in the
 * conformance report; strict mode rejects it; a per-rule severity quarantines the rows instead.
 */
class NullCostExportTest extends AllocatorTestBase {

    static final ImportOptions LENIENT = ImportOptions.defaults().withMode(ValidationMode.LENIENT);

    @Test
    void nullContractedCostRowsImportWholeWithTheNullKept() throws IOException {
        Path csv = RealExports.withOracleNulls(sample(), temp.resolve("oracle.csv"));
        ImportResult r = importCsv("ds", csv, LENIENT);

        assertThat(r.status()).isEqualTo(ImportResult.Status.CREATED);
        assertThat(r.report().rowsRead()).isEqualTo(500);
        assertThat(r.report().rowsAccepted()).isEqualTo(500);
        assertThat(r.report().rowsQuarantined()).isZero();
        VersionManifest v = r.version().orElseThrow();
        try (UsageTable table = store.open("ds", v.versionId(), allocator)) {
            int contracted = table.columnIndex("ContractedCost");
            int provider = table.columnIndex("ProviderName");
            int nulls = 0;
            for (int b = 0; b < table.batchCount(); b++) {
                FieldVector cc = table.vector(b, contracted);
                FieldVector p = table.vector(b, provider);
                for (int i = 0; i < table.rows(b); i++) {
                    if (cc.isNull(i)) {
                        nulls++;
                        assertThat(table.dictionary(provider)[((org.apache.arrow.vector.IntVector) p).get(i)])
                                .isEqualTo("Oracle");
                    }
                }
            }
            assertThat(nulls).as("NULL ContractedCost cells kept as nulls in Arrow").isEqualTo(RealExports.ORACLE_ROWS);
        }
    }

    @Test
    void anArrowFileWithTheNullsImportsWholeThroughTheColumnarPath() throws IOException {
        Path csv = RealExports.withOracleNulls(sample(), temp.resolve("oracle.csv"));
        VersionManifest first = importCsv("ds", csv, LENIENT).version().orElseThrow();
        Path arrow = Files.copy(store.dataFile("ds", first.versionId()), temp.resolve("oracle.arrow"));

        ImportResult r = new dev.burnrate.engine.usage.store.FileImports(store).importFile("arrow", arrow,
                "oracle.arrow", dev.burnrate.engine.usage.ingest.SourceFormat.ARROW_FILE, LENIENT, "tester");

        assertThat(r.report().rowsAccepted()).isEqualTo(500);
        assertThat(r.report().rowsQuarantined()).isZero();
        assertThat(r.report().deviations()).anySatisfy(d -> {
            assertThat(d.rule()).isEqualTo(Rule.NULLABILITY);
            assertThat(d.column()).isEqualTo("ContractedCost");
            assertThat(d.count()).isEqualTo(RealExports.ORACLE_ROWS);
        });
        assertThat(r.version().orElseThrow().totals().contractedCost())
                .isEqualTo(first.totals().contractedCost());
    }

    @Test
    void conformanceReportListsTheDeviationWithCountAndExamples() throws IOException {
        Path csv = RealExports.withOracleNulls(sample(), temp.resolve("oracle.csv"));
        ImportResult r = importCsv("ds", csv, LENIENT);

        assertThat(r.report().focusVersion()).isEqualTo("1.0");
        Deviation d = r.report().deviations().stream()
                .filter(x -> x.rule() == Rule.NULLABILITY && "ContractedCost".equals(x.column()))
                .findFirst().orElseThrow();
        assertThat(d.count()).isEqualTo(RealExports.ORACLE_ROWS);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.examples()).hasSize(Deviation.MAX_EXAMPLES);
        assertThat(d.examples().getFirst().row()).isEqualTo(RealExports.FIRST_ORACLE_ROW);
        assertThat(d.examples().getFirst().line()).isEqualTo(RealExports.FIRST_ORACLE_ROW + 1);
        assertThat(d.exampleRows()).contains("row " + RealExports.FIRST_ORACLE_ROW);
        // The sample's credit with a negative unit price is a deviation too, kept and counted.
        assertThat(r.report().deviations()).anySatisfy(x -> {
            assertThat(x.rule()).isEqualTo(Rule.NON_NEGATIVE);
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
        });
    }

    @Test
    void strictModeRejectsTheFileNamingTheNull() throws IOException {
        Path csv = RealExports.withOracleNulls(sample(), temp.resolve("oracle.csv"));
        ImportResult r = importCsv("ds", csv, ImportOptions.defaults()
                .withSeverity(Rule.NON_NEGATIVE, Severity.WARNING));
        assertThat(r.status()).isEqualTo(ImportResult.Status.REJECTED);
        assertThat(r.report().rejectionReason()).contains("ContractedCost").contains("not-null");
    }

    @Test
    void perRuleSeverityQuarantinesTheRowsInstead() throws IOException {
        Path csv = RealExports.withOracleNulls(sample(), temp.resolve("oracle.csv"));
        ImportResult r = importCsv("ds", csv, LENIENT.withSeverity(Rule.NULLABILITY, Severity.ERROR));
        assertThat(r.status()).isEqualTo(ImportResult.Status.CREATED);
        assertThat(r.report().rowsQuarantined()).isEqualTo(RealExports.ORACLE_ROWS);
        assertThat(r.report().rowsAccepted()).isEqualTo(500 - RealExports.ORACLE_ROWS);
    }

    @Test
    void aNullPeriodStartCannotBePlacedInTimeAndIsQuarantined() throws IOException {
        Path csv = write("period.csv", "ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost\n"
                + "2024-01-01T00:00:00Z,2024-01-01T01:00:00Z,1,1\n"
                + "NULL,2024-01-01T04:00:00Z,2,2\n");
        ImportResult r = importCsv("ds", csv, LENIENT);
        assertThat(r.report().rowsQuarantined()).isEqualTo(1);
        assertThat(r.report().errors().getFirst().column()).isEqualTo("ChargePeriodStart");
    }

    @Test
    void aValueOutsideTheAllowedOnesKeptByItsSeverityIsStoredAsFoundNotAsNull() throws IOException {
        Path csv = write("refund.csv", "ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost,ChargeCategory\n"
                + "2024-01-01T00:00:00Z,2024-01-01T01:00:00Z,1,1,Usage\n"
                + "2024-01-01T00:00:00Z,2024-01-01T01:00:00Z,-1,-1,Refund\n");
        ImportResult r = importCsv("ds", csv, LENIENT.withSeverity(Rule.ALLOWED_VALUES, Severity.WARNING));
        assertThat(r.report().rowsAccepted()).isEqualTo(2);
        try (UsageTable table = store.open("ds", r.version().orElseThrow().versionId(), allocator)) {
            int c = table.columnIndex("ChargeCategory");
            var v = (org.apache.arrow.vector.IntVector) table.vector(0, c);
            assertThat(v.isNull(1)).isFalse();
            assertThat(table.dictionary(c)[v.get(1)]).isEqualTo("Refund");
        }
    }

    @Test
    void anUnparseableValueCannotBeKeptBySeverity() throws IOException {
        Path csv = write("text.csv", "ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost\n"
                + "2024-01-01T00:00:00Z,2024-01-01T01:00:00Z,1,1\n"
                + "2024-01-01T00:00:00Z,2024-01-01T01:00:00Z,twelve,1\n");
        ImportResult r = importCsv("ds", csv, LENIENT.withSeverity(Rule.TYPE, Severity.WARNING));
        assertThat(r.report().rowsQuarantined()).as("never stored as a null BilledCost").isEqualTo(1);
        assertThat(r.report().errors().getFirst().rule()).isEqualTo(Rule.TYPE);
    }

    /** Real-export variants of the FOCUS sample, made by editing cells of the CSV, never by the importer's code. */
    static final class RealExports {
        static final int ORACLE_ROWS = 7;
        static final int FIRST_ORACLE_ROW = 4;

        private RealExports() {
        }

        /** Rows 4, 75, ... 430 become Oracle rows with a NULL ContractedCost, as Oracle's FOCUS 1.0 export has. */
        static Path withOracleNulls(Path sample, Path target) throws IOException {
            return edit(sample, target, (row, cells, header) -> {
                if (row % 71 == FIRST_ORACLE_ROW) {
                    cells.set(header.indexOf("ProviderName"), "Oracle");
                    cells.set(header.indexOf("ServiceName"), "Oracle Compute");
                    cells.set(header.indexOf("ContractedCost"), "NULL");
                }
            });
        }

        /**
         * As {@link #withOracleNulls}, plus credits (negative costs) every 50th row from row 7 and NULL list
         * costs every 97th row from row 5.
         */
        static Path withNullsAndCredits(Path sample, Path target) throws IOException {
            Path oracle = withOracleNulls(sample, target.resolveSibling("oracle-" + target.getFileName()));
            return edit(oracle, target, (row, cells, header) -> {
                if (row % 50 == 7) {
                    cells.set(header.indexOf("ChargeCategory"), "Credit");
                    for (String c : List.of("BilledCost", "EffectiveCost", "ListCost", "ContractedCost")) {
                        String v = cells.get(header.indexOf(c));
                        if (!v.equals("NULL")) {
                            cells.set(header.indexOf(c), "-" + v.replaceFirst("^-", "") + "1");
                        }
                    }
                }
                if (row % 97 == 5) {
                    cells.set(header.indexOf("ListCost"), "NULL");
                }
            });
        }

        interface RowEdit {
            void apply(int row, List<String> cells, List<String> header);
        }

        private static Path edit(Path source, Path target, RowEdit edit) throws IOException {
            try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(source);
                 Writer out = Files.newBufferedWriter(target);
                 CsvWriter writer = CsvWriter.builder().build(out)) {
                List<String> header = null;
                int row = 0;
                for (CsvRecord r : reader) {
                    List<String> cells = new ArrayList<>(r.getFields());
                    if (header == null) {
                        header = cells;
                    } else {
                        edit.apply(++row, cells, header);
                    }
                    writer.writeRecord(cells);
                }
            }
            return target;
        }
    }
}
