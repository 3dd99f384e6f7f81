package dev.burnrate.portal.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a {@link ReportDocument} as an XLSX workbook: a "Summary" sheet with the title and the header fields, one
 * sheet per table with typed cells (money as numbers in a currency format, percentages in a percent format),
 * a frozen heading row and columns sized to their content, and a "Charts" sheet with each chart's data and a native
 * Excel chart drawn from it. Table sheets are streamed (SXSSF), so long tables do not sit in memory.
 */
public final class ReportXlsx {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String SUMMARY_SHEET = "Summary";
    public static final String CHARTS_SHEET = "Charts";

    /** Rows kept in memory per streamed sheet. */
    private static final int ROW_WINDOW = 200;
    private static final int MAX_COLUMN_CHARS = 80;

    private ReportXlsx() {
    }

    public static byte[] toBytes(ReportDocument document) {
        return ReportFormat.XLSX.toBytes(document);
    }

    /** Writes the workbook; the stream is not closed. */
    public static void write(ReportDocument document, OutputStream out) throws IOException {
        // Summary and charts are small and need the full XSSF model (charts); the tables are streamed after them.
        XSSFWorkbook template = new XSSFWorkbook();
        Styles styles = new Styles(template);
        writeSummary(template.createSheet(SUMMARY_SHEET), document, styles);
        if (!document.charts().isEmpty()) {
            XSSFSheet charts = template.createSheet(CHARTS_SHEET);
            new ReportXlsxCharts(charts, styles.header, styles.bold).write(document.charts());
        }
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(template, ROW_WINDOW)) {
            Set<String> used = new HashSet<>(List.of(SUMMARY_SHEET.toLowerCase(Locale.ROOT),
                    CHARTS_SHEET.toLowerCase(Locale.ROOT)));
            for (ReportTable table : document.tables()) {
                writeTable(workbook.createSheet(sheetName(table.name(), used)), table, styles);
            }
            if (!document.charts().isEmpty()) {
                workbook.setSheetOrder(CHARTS_SHEET, workbook.getNumberOfSheets() - 1);
            }
            workbook.setActiveSheet(0);
            workbook.write(out);
        }
    }

    private static void writeSummary(Sheet sheet, ReportDocument document, Styles styles) {
        Row titleRow = sheet.createRow(0);
        text(titleRow, 0, document.title(), styles.title);
        int widest = 10;
        int valueWidest = Math.min(MAX_COLUMN_CHARS, document.title().length());
        int r = 2;
        for (ReportDocument.ReportField field : document.header()) {
            Row row = sheet.createRow(r++);
            text(row, 0, field.label(), styles.bold);
            text(row, 1, field.value(), null);
            widest = Math.max(widest, length(field.label()));
            valueWidest = Math.max(valueWidest, Math.min(MAX_COLUMN_CHARS, length(field.value())));
        }
        sheet.setColumnWidth(0, width(widest));
        sheet.setColumnWidth(1, width(valueWidest));
    }

    private static void writeTable(Sheet sheet, ReportTable table, Styles styles) {
        List<ReportTable.Column> columns = table.columns();
        int[] chars = new int[columns.size()];
        Row heading = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            String title = ReportCells.heading(columns.get(c));
            text(heading, c, title, styles.header);
            chars[c] = title.length() + 2; // room for the filter button
        }
        int r = 1;
        for (List<Object> cells : table.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < columns.size(); c++) {
                ReportTable.Column column = columns.get(c);
                Object value = cells.get(c);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                switch (column.kind()) {
                    case MONEY -> {
                        BigDecimal amount = ReportCells.money(table, column, value);
                        cell.setCellValue(amount.doubleValue());
                        cell.setCellStyle(styles.money(column.currency()));
                    }
                    case PERCENT -> {
                        cell.setCellValue(ReportCells.number(table, column, value) / 100.0);
                        cell.setCellStyle(styles.percent);
                    }
                    case NUMBER -> cell.setCellValue(ReportCells.number(table, column, value));
                    case TEXT -> cell.setCellValue(value.toString());
                }
                int shown = ReportCells.display(table, column, value).length()
                        + (column.kind() == ReportTable.Kind.MONEY ? 4 : 0);
                chars[c] = Math.max(chars[c], Math.min(MAX_COLUMN_CHARS, shown));
            }
        }
        // Widths from the text length rather than autoSizeColumn: the same result without AWT fonts on the server.
        for (int c = 0; c < columns.size(); c++) {
            sheet.setColumnWidth(c, width(chars[c]));
        }
        sheet.createFreezePane(0, 1);
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static int length(String text) {
        return text == null ? 0 : text.lines().mapToInt(String::length).max().orElse(0);
    }

    private static int width(int chars) {
        return Math.min(255, chars + 2) * 256;
    }

    /** A sheet name Excel accepts (31 characters, no []:*?/\), unique in the workbook, case-insensitively. */
    static String sheetName(String wanted, Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(wanted == null || wanted.isBlank() ? "Table" : wanted);
        String name = base;
        for (int n = 2; used.contains(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        used.add(name.toLowerCase(Locale.ROOT));
        return name;
    }

    /** Cell styles, created once per workbook (Excel limits their number). */
    private static final class Styles {

        private final Workbook workbook;
        private final CellStyle title;
        private final CellStyle bold;
        private final CellStyle header;
        private final CellStyle percent;
        private final Map<String, CellStyle> money = new HashMap<>();

        Styles(Workbook workbook) {
            this.workbook = workbook;
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            Font titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(titleFont);
            bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            header = workbook.createCellStyle();
            header.setFont(boldFont);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
        }

        CellStyle money(String currency) {
            String code = currency == null || currency.isBlank() ? "" : currency.replaceAll("[^A-Za-z]", "");
            return money.computeIfAbsent(code, c -> {
                CellStyle style = workbook.createCellStyle();
                String symbol = c.isEmpty() ? "" : "[$" + c + "] ";
                style.setDataFormat(workbook.createDataFormat()
                        .getFormat(symbol + "#,##0.00;[Red]-" + symbol + "#,##0.00"));
                return style;
            });
        }
    }
}
