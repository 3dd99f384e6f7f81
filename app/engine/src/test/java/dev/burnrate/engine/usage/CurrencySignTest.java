package dev.burnrate.engine.usage;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.burnrate.engine.usage.ingest.ImportOptions;
import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.engine.usage.validation.Rule;
import dev.burnrate.engine.usage.validation.Severity;
import dev.burnrate.engine.usage.validation.ValidationIssue;
import dev.burnrate.engine.usage.validation.ValidationMode;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Amounts written with a currency sign ("¥1,200") are read only when the sign fits the row's BillingCurrency: a
 * sign that contradicts it is an error naming row, column and value, never an amount read at face value.
 */
class CurrencySignTest extends AllocatorTestBase {

    private static final ImportOptions ACCEPT_CREDIT =
            ImportOptions.defaults().withSeverity(Rule.NON_NEGATIVE, Severity.WARNING);

    @Test
    void yenInAUsdRowRejectsTheFileNamingRowColumnAndValue() throws IOException {
        Path csv = withRow7(temp.resolve("yen-in-usd.csv"), "¥1,200", "USD");

        ImportResult r = importCsv("ds", csv, ACCEPT_CREDIT);

        assertThat(r.status()).isEqualTo(ImportResult.Status.REJECTED);
        ValidationIssue issue = r.report().errors().getFirst();
        assertThat(issue.rule()).isEqualTo(Rule.CURRENCY_SIGN);
        assertThat(issue.row()).isEqualTo(7);
        assertThat(issue.column()).isEqualTo("BilledCost");
        assertThat(issue.value()).isEqualTo("¥1,200");
        assertThat(r.report().rejectionReason()).contains("row 7", "column BilledCost", "'¥1,200'",
                "¥ (JPY or CNY)", "BillingCurrency is USD");
        assertThat(store.versions("ds")).isEmpty();
    }

    @Test
    void aLenientImportQuarantinesTheRowInsteadOfCountingYenAsDollars() throws IOException {
        Path csv = withRow7(temp.resolve("euro-in-usd.csv"), "€1,200.00", "USD");

        ImportResult r = importCsv("ds", csv, ACCEPT_CREDIT.withMode(ValidationMode.LENIENT));

        assertThat(r.status()).isEqualTo(ImportResult.Status.CREATED);
        assertThat(r.report().rowsQuarantined()).isEqualTo(1);
        assertThat(r.report().errors()).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo(Rule.CURRENCY_SIGN);
            assertThat(e.row()).isEqualTo(7);
        });
        assertThat(r.version().orElseThrow().totals().billedCost()).isLessThan(1_200);
    }

    @Test
    void aSignThatFitsTheRowsCurrencyIsReadAsTheAmount() throws IOException {
        ImportResult yen = importCsv("yen", withRow7(temp.resolve("yen-in-jpy.csv"), "¥1,200", "JPY"),
                ACCEPT_CREDIT);
        ImportResult dollars = importCsv("usd", withRow7(temp.resolve("usd.csv"), "$1,200.00", "USD"),
                ACCEPT_CREDIT);

        assertThat(yen.status()).as(yen.report().rejectionReason()).isEqualTo(ImportResult.Status.CREATED);
        assertThat(dollars.status()).as(dollars.report().rejectionReason()).isEqualTo(ImportResult.Status.CREATED);
        assertThat(yen.report().errors()).isEmpty();
        assertThat(dollars.version().orElseThrow().totals().billedCost()).isGreaterThan(1_200);
    }

    /** The 500-row sample with row 7's BilledCost and BillingCurrency replaced. */
    private Path withRow7(Path target, String billedCost, String currency) throws IOException {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(sample());
             Writer out = Files.newBufferedWriter(target);
             CsvWriter writer = CsvWriter.builder().build(out)) {
            List<String> header = null;
            int row = 0;
            for (CsvRecord r : reader) {
                List<String> cells = new ArrayList<>(r.getFields());
                if (header == null) {
                    header = cells;
                } else if (++row == 7) {
                    cells.set(header.indexOf("BilledCost"), billedCost);
                    cells.set(header.indexOf("BillingCurrency"), currency);
                }
                writer.writeRecord(cells);
            }
        }
        return target;
    }
}
