package dev.burnrate.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportCsvTest {

    private final ReportDocument document = ReportSamples.rich();
    private final byte[] csv = ReportCsv.toBytes(document);

    /** The file read with FastCSV, split into sections at empty lines. */
    private List<List<List<String>>> sections() throws Exception {
        List<List<List<String>>> sections = new ArrayList<>();
        List<List<String>> current = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().detectBomHeader(true).skipEmptyLines(false)
                .allowExtraFields(true).allowMissingFields(true)
                .ofCsvRecord(new ByteArrayInputStream(csv), StandardCharsets.UTF_8)) {
            for (CsvRecord record : reader) {
                if (record.getFieldCount() == 1 && record.getField(0).isEmpty()) {
                    sections.add(current);
                    current = new ArrayList<>();
                } else {
                    current.add(record.getFields());
                }
            }
        }
        sections.add(current);
        return sections;
    }

    @Test
    void startsWithTheUtf8ByteOrderMarkAndUsesCrlf() {
        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(csv[1]).isEqualTo((byte) 0xBB);
        assertThat(csv[2]).isEqualTo((byte) 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("Title,Budget review 2026-11\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\r\n");
    }

    @Test
    void headerCarriesTitlePeriodSignOffAndDataVersions() throws Exception {
        List<List<String>> header = sections().get(0);
        assertThat(header).containsExactly(
                List.of("Title", ReportSamples.TITLE),
                List.of("Period", ReportSamples.PERIOD),
                List.of("Sign-off", ReportSamples.SIGN_OFF),
                List.of("Data versions", ReportSamples.DATA_VERSIONS),
                List.of("Sign convention", "variance = actual - plan; positive is over budget"));
    }

    @Test
    void everyCellOfEveryTableReadsBack() throws Exception {
        List<List<List<String>>> sections = sections();
        assertThat(sections).hasSize(1 + document.tables().size());
        for (int t = 0; t < document.tables().size(); t++) {
            ReportTable table = document.tables().get(t);
            List<List<String>> section = sections.get(t + 1);
            assertThat(section.get(0)).containsExactly("Table", table.name());
            assertThat(section.get(1)).containsExactlyElementsOf(
                    table.columns().stream().map(ReportCells::heading).toList());
            assertThat(section).hasSize(2 + table.rows().size());
            for (int r = 0; r < table.rows().size(); r++) {
                List<String> read = section.get(2 + r);
                for (int c = 0; c < table.columns().size(); c++) {
                    Object expected = table.rows().get(r).get(c);
                    String cell = read.get(c);
                    switch (table.columns().get(c).kind()) {
                        case TEXT -> assertThat(ReportCsv.unescape(cell)).isEqualTo(expected);
                        case MONEY -> {
                            if (expected == null) {
                                assertThat(cell).isEmpty();
                            } else {
                                assertThat(cell).matches("-?\\d+\\.\\d{2}");
                                assertThat(new BigDecimal(cell)).isEqualTo(expected);
                            }
                        }
                        default -> {
                            if (expected == null) {
                                assertThat(cell).isEmpty();
                            } else {
                                assertThat(Double.parseDouble(cell)).isEqualTo((Double) expected);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void moneyColumnsNameTheirCurrencyAndCellsHaveNoSymbols() throws Exception {
        List<String> headings = sections().get(1).get(1);
        assertThat(headings).containsExactly("Budget", "Plan (USD)", "Actual (USD)", "Variance (USD)",
                "Credits (EUR)", "Variance (%)");
        List<String> unbudgeted = sections().get(1).get(2 + 5);
        assertThat(unbudgeted).containsExactly("Unbudgeted", "", "0.01", "", "-0.99", "");
    }

    @Test
    void formulaLookingTextIsGuardedButNumbersAreNot() throws Exception {
        List<List<String>> resources = sections().get(2);
        List<String> names = resources.subList(2, 2 + ReportSamples.AWKWARD.size()).stream()
                .map(row -> row.get(0)).toList();
        assertThat(names).contains("'=SUM(A1:A2)", "'+1 555", "'-rebate", "'@import", "''=already quoted",
                "-12.50", "vision, research", "the \"big\" one", "two\nlines", "Zürich – Δ Ω ₹ 東京", "  padded  ");
        // negative money stays a number a spreadsheet can add up
        assertThat(resources.get(2 + 3).get(2)).isEqualTo("-111.03");
    }

    @Test
    void escapeAndUnescapeAreInverse() {
        for (String text : List.of("=1+2", "'=1", "''@x", "-", "+", "-5", "plain", "'quoted'", "\tTab", "\rCR", "")) {
            assertThat(ReportCsv.unescape(ReportCsv.escape(text))).isEqualTo(text);
            assertThat(ReportCsv.escape(text)).doesNotMatch("^[=+@\\t\\r].*");
        }
    }
}
