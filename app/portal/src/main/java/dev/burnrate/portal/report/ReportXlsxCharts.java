package dev.burnrate.portal.report;

import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.Grouping;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The charts of a report on one sheet: each chart's data as a block of cells (title, a heading row of series
 * names, one row per category) and, beside it, a native Excel chart (clustered columns or lines) drawn from
 * those cells, so the numbers stay visible and editable.
 */
final class ReportXlsxCharts {

    private static final int CHART_COLUMNS = 10;
    private static final int MIN_CHART_ROWS = 20;

    private final XSSFSheet sheet;
    private final CellStyle header;
    private final CellStyle bold;

    ReportXlsxCharts(XSSFSheet sheet, CellStyle header, CellStyle bold) {
        this.sheet = sheet;
        this.header = header;
        this.bold = bold;
    }

    void write(java.util.List<ReportChart> charts) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        int top = 0;
        int widestSeries = 0;
        for (ReportChart chart : charts) {
            top = writeChart(drawing, chart, top) + 2;
            widestSeries = Math.max(widestSeries, chart.series().size());
        }
        sheet.setColumnWidth(0, 28 * 256);
        for (int c = 1; c <= widestSeries; c++) {
            sheet.setColumnWidth(c, 16 * 256);
        }
    }

    /** Writes one chart at row {@code top}; returns the last row it occupies. */
    private int writeChart(XSSFDrawing drawing, ReportChart chart, int top) {
        Row titleRow = sheet.createRow(top);
        titleRow.createCell(0).setCellValue(chart.title());
        titleRow.getCell(0).setCellStyle(bold);
        int headingRow = top + 1;
        Row heading = sheet.createRow(headingRow);
        heading.createCell(0).setCellValue("Category");
        heading.getCell(0).setCellStyle(header);
        for (int s = 0; s < chart.series().size(); s++) {
            heading.createCell(s + 1).setCellValue(chart.series().get(s).name());
            heading.getCell(s + 1).setCellStyle(header);
        }
        int n = chart.categories().size();
        for (int i = 0; i < n; i++) {
            Row row = sheet.createRow(headingRow + 1 + i);
            row.createCell(0).setCellValue(chart.categories().get(i));
            for (int s = 0; s < chart.series().size(); s++) {
                BigDecimal value = chart.series().get(s).values().get(i);
                if (value != null) {
                    row.createCell(s + 1).setCellValue(value.doubleValue());
                }
            }
        }
        int dataEnd = headingRow + n;
        int chartEnd = top + Math.max(MIN_CHART_ROWS, n + 2);
        if (n > 0 && !chart.series().isEmpty()) {
            int left = chart.series().size() + 2;
            XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, left, top, left + CHART_COLUMNS, chartEnd);
            plot(drawing.createChart(anchor), chart, headingRow, dataEnd);
        }
        return Math.max(dataEnd, chartEnd);
    }

    private void plot(XSSFChart target, ReportChart chart, int headingRow, int dataEnd) {
        target.setTitleText(chart.title());
        target.setTitleOverlay(false);
        target.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis categoryAxis = target.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis valueAxis = target.createValueAxis(AxisPosition.LEFT);
        valueAxis.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(headingRow + 1, dataEnd, 0, 0));
        boolean bars = chart.kind() == ReportChart.Kind.BAR;
        XDDFChartData data = target.createData(bars ? ChartTypes.BAR : ChartTypes.LINE, categoryAxis, valueAxis);
        data.setVaryColors(false);
        for (int s = 0; s < chart.series().size(); s++) {
            XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(headingRow + 1, dataEnd, s + 1, s + 1));
            XDDFChartData.Series series = data.addSeries(categories, values);
            series.setTitle(chart.series().get(s).name(),
                    new CellReference(sheet.getSheetName(), headingRow, s + 1, true, true));
            XDDFSolidFillProperties fill = new XDDFSolidFillProperties(XDDFColor.from(ReportPalette.bytes(s)));
            if (series instanceof XDDFLineChartData.Series line) {
                line.setSmooth(false);
                line.setMarkerStyle(MarkerStyle.CIRCLE);
                XDDFLineProperties stroke = new XDDFLineProperties(fill);
                stroke.setWidth(2.0);
                line.setLineProperties(stroke);
            } else if (series instanceof XDDFBarChartData.Series bar) {
                bar.setFillProperties(fill);
                bar.setInvertIfNegative(false); // a credit keeps its series' colour
            }
        }
        if (data instanceof XDDFBarChartData bar) {
            bar.setBarDirection(BarDirection.COL);
            bar.setBarGrouping(BarGrouping.CLUSTERED);
        } else if (data instanceof XDDFLineChartData line) {
            line.setGrouping(Grouping.STANDARD); // required by the schema; Excel repairs a file without it
        }
        target.plot(data);
        // Light grid lines to read values off the axis.
        valueAxis.getOrAddMajorGridProperties().setLineProperties(
                new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(PresetColor.LIGHT_GRAY))));
    }
}
