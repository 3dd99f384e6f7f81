package dev.burnrate.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.Grouping;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportXlsxTest {

    private final ReportDocument document = ReportSamples.rich();
    private XSSFWorkbook workbook;

    @BeforeEach
    void readBack() throws Exception {
        workbook = new XSSFWorkbook(new ByteArrayInputStream(ReportXlsx.toBytes(document)));
    }

    @AfterEach
    void close() throws Exception {
        workbook.close();
    }

    @Test
    void summarySheetFirstThenOneSheetPerTableThenCharts() {
        assertThat(workbook.getNumberOfSheets()).isEqualTo(4);
        assertThat(workbook.getSheetName(0)).isEqualTo("Summary");
        assertThat(workbook.getSheetName(1)).isEqualTo("Budgets");
        assertThat(workbook.getSheetName(2)).isEqualTo("Resources");
        assertThat(workbook.getSheetName(3)).isEqualTo("Charts");
    }

    @Test
    void summaryHasTheTitleAndEveryHeaderField() {
        Sheet summary = workbook.getSheet("Summary");
        assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo(ReportSamples.TITLE);
        int r = 2;
        for (ReportDocument.ReportField field : document.header()) {
            Row row = summary.getRow(r++);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(field.label());
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo(field.value());
        }
        assertThat(summary.getRow(3).getCell(1).getStringCellValue()).isEqualTo(ReportSamples.SIGN_OFF);
        assertThat(summary.getRow(4).getCell(1).getStringCellValue()).isEqualTo(ReportSamples.DATA_VERSIONS);
    }

    @Test
    void everyCellHasItsTypeAndExactValue() {
        for (ReportTable table : document.tables()) {
            Sheet sheet = workbook.getSheet(table.name());
            Row heading = sheet.getRow(0);
            for (int c = 0; c < table.columns().size(); c++) {
                assertThat(heading.getCell(c).getStringCellValue()).isEqualTo(ReportCells.heading(table.columns().get(c)));
            }
            assertThat(sheet.getLastRowNum()).isEqualTo(table.rows().size());
            for (int r = 0; r < table.rows().size(); r++) {
                Row row = sheet.getRow(r + 1);
                for (int c = 0; c < table.columns().size(); c++) {
                    Object expected = table.rows().get(r).get(c);
                    Cell cell = row.getCell(c);
                    if (expected == null) {
                        assertThat(cell).isNull();
                        continue;
                    }
                    ReportTable.Column column = table.columns().get(c);
                    switch (column.kind()) {
                        case TEXT -> {
                            assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                            assertThat(cell.getStringCellValue()).isEqualTo(expected);
                        }
                        case MONEY -> {
                            assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                            // to the cent: the double Excel stores is the nearest to the decimal, nothing else
                            assertThat(BigDecimal.valueOf(cell.getNumericCellValue()))
                                    .isEqualByComparingTo((BigDecimal) expected);
                            assertThat(cell.getCellStyle().getDataFormatString())
                                    .contains("[$" + column.currency() + "]").contains("#,##0.00");
                        }
                        case PERCENT -> {
                            assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                            assertThat(cell.getNumericCellValue()).isCloseTo((Double) expected / 100, within());
                            assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
                        }
                        case NUMBER -> {
                            assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                            assertThat(cell.getNumericCellValue()).isEqualTo((Double) expected);
                        }
                    }
                }
            }
        }
    }

    @Test
    void headingRowIsFrozenAndColumnsAreSizedToTheirContent() {
        XSSFSheet resources = workbook.getSheet("Resources");
        assertThat(resources.getPaneInformation().isFreezePane()).isTrue();
        assertThat(resources.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
        assertThat(resources.getPaneInformation().getVerticalSplitPosition()).isZero();
        // "Zürich – Δ Ω ₹ 東京" and the like are wider than "Team"
        assertThat(resources.getColumnWidth(0)).isGreaterThan(resources.getColumnWidth(1));
        assertThat(resources.getColumnWidth(1)).isGreaterThanOrEqualTo(("team-0".length() + 2) * 256);
    }

    @Test
    void chartsAreNativeExcelChartsOverTheirData() {
        XSSFSheet charts = workbook.getSheet("Charts");
        List<XSSFChart> drawn = charts.getDrawingPatriarch().getCharts();
        assertThat(drawn).hasSize(2);
        XDDFChartData bars = drawn.get(0).getChartSeries().get(0);
        assertThat(bars).isInstanceOf(XDDFBarChartData.class);
        assertThat(bars.getSeriesCount()).isEqualTo(3);
        var actual = ((XDDFBarChartData.Series) bars.getSeries(1)).getCTBarSer().getTx().getStrRef();
        assertThat(actual.getF()).isEqualTo("Charts!$C$2");
        assertThat(actual.getStrCache().getPtArray(0).getV()).isEqualTo("Actual");
        assertThat(bars.getSeries(0).getCategoryData().getPointAt(3)).isEqualTo("vision");
        assertThat(bars.getSeries(1).getValuesData().getDataRangeReference()).isEqualTo("Charts!$C$3:$C$7");
        XDDFChartData line = drawn.get(1).getChartSeries().get(0);
        assertThat(line).isInstanceOf(XDDFLineChartData.class);
        assertThat(line.getSeries(0).getValuesData().getPointCount()).isEqualTo(30);
        assertThat(((XDDFLineChartData) line).getGrouping()).isEqualTo(Grouping.STANDARD);
        assertThat(((XDDFBarChartData) bars).getBarGrouping()).isEqualTo(BarGrouping.CLUSTERED);
        // the data block under the first chart's title: categories and the exact values
        assertThat(charts.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Plan vs actual");
        assertThat(charts.getRow(5).getCell(0).getStringCellValue()).isEqualTo("vision");
        assertThat(BigDecimal.valueOf(charts.getRow(5).getCell(2).getNumericCellValue()))
                .isEqualByComparingTo((BigDecimal) document.tables().get(0).rows().get(3).get(2));
    }

    @Test
    void sheetNamesAreSafeAndUnique() {
        Set<String> used = new HashSet<>(List.of("summary", "charts"));
        assertThat(ReportXlsx.sheetName("Summary", used)).isEqualTo("Summary (2)");
        assertThat(ReportXlsx.sheetName("a/b:c", used)).isEqualTo("a b c");
        String longName = "x".repeat(40);
        assertThat(ReportXlsx.sheetName(longName, used)).hasSize(31);
        assertThat(ReportXlsx.sheetName(longName, used)).hasSize(31).endsWith(" (2)");
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-12);
    }
}
