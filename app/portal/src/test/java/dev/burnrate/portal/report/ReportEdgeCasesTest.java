package dev.burnrate.portal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.portal.report.ReportTable.Column;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Documents at the edges: nothing but a title, empty tables and charts, and cells of the wrong type. */
class ReportEdgeCasesTest {

    private static final ReportDocument EMPTY = new ReportDocument("Chargeback 2026-Q4", List.of(),
            List.of(new ReportTable("Nothing yet", List.of(Column.text("Team"), Column.money("Cost", "USD")),
                    List.of())),
            List.of(new ReportChart("No days", ReportChart.Kind.LINE, List.of(), List.of()),
                    new ReportChart("All gaps", ReportChart.Kind.LINE, List.of("a", "b"), List.of(
                            new ReportChart.Series("s", Arrays.asList(null, null))))));

    @Test
    void anAlmostEmptyDocumentExportsInEveryFormat() throws Exception {
        String csv = new String(ReportCsv.toBytes(EMPTY), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("\uFEFFTitle,Chargeback 2026-Q4\r\n\r\nTable,Nothing yet\r\nTeam,Cost (USD)\r\n");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ReportXlsx.toBytes(EMPTY)))) {
            assertThat(workbook.getSheet("Nothing yet").getLastRowNum()).isZero();
            assertThat(workbook.getSheet("Charts").getRow(0).getCell(0).getStringCellValue()).isEqualTo("No days");
        }
        try (PDDocument pdf = Loader.loadPDF(ReportPdf.toBytes(EMPTY))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(pdf)).contains("Chargeback 2026-Q4", "Nothing yet", "Page 1 of 1");
        }
    }

    @Test
    void aMoneyCellThatIsNotADecimalIsRefusedWithWhereItIs() {
        ReportDocument wrong = new ReportDocument("Review", List.of(), List.of(new ReportTable("Budgets",
                List.of(Column.text("Budget"), Column.money("Plan", "USD")),
                List.of(Arrays.asList("vision", 9500.0)))), List.of());
        for (ReportFormat format : ReportFormat.values()) {
            assertThatThrownBy(() -> format.toBytes(wrong)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Budgets, column Plan: a money cell must be a BigDecimal, not Double 9500.0");
        }
    }

    @Test
    void moneyIsRoundedHalfEvenToTheCentOnlyIfAProducerForgot() {
        List<List<Object>> rows = List.of(List.<Object>of(new BigDecimal("0.125")), List.<Object>of(new BigDecimal("7")));
        ReportDocument unrounded = new ReportDocument("Review", List.of(), List.of(new ReportTable("Budgets",
                List.of(Column.money("Plan", "USD")), rows)), List.of());
        assertThat(new String(ReportCsv.toBytes(unrounded), StandardCharsets.UTF_8))
                .endsWith("Plan (USD)\r\n0.12\r\n7.00\r\n");
    }
}
