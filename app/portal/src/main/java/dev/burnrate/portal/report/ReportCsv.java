package dev.burnrate.portal.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a {@link ReportDocument} as one CSV file (RFC 4180: comma separated, CRLF line ends, fields with a comma,
 * quote or line break in double quotes, quotes doubled), in UTF-8 with a byte order mark so that spreadsheet
 * programs do not misread non-ASCII text. The layout, in sections separated by one empty line:
 * <pre>
 * Title,Budget review 2026-11          the header: "label,value" rows, the title first
 * Period,2026-11
 * ...
 *                                      (empty line)
 * Table,Budgets                        each table: its name row,
 * Budget,Plan (USD),Variance (%)       its column headings (money columns name their currency),
 * vision,9500.00,21.05                 then its rows
 * </pre>
 * Rows differ in width (two fields in the header, a table's width in its section), so a reader must allow that.
 * Money is a plain decimal with exactly two places (no symbol, no grouping); percentages are in points. Text that a
 * spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return, and not a number) is
 * written with a leading apostrophe, as OWASP recommends; {@link #unescape} undoes it for readers.
 */
public final class ReportCsv {

    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    private static final String CRLF = "\r\n";
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    /** Text a spreadsheet could take for a formula, possibly behind apostrophes that {@link #escape} added. */
    private static final Pattern FORMULA_LIKE = Pattern.compile("^'*[=+\\-@\\t\\r].*", Pattern.DOTALL);

    private ReportCsv() {
    }

    public static byte[] toBytes(ReportDocument document) {
        return ReportFormat.CSV.toBytes(document);
    }

    /** Writes the document; the stream is flushed, not closed. */
    public static void write(ReportDocument document, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        writeRow(writer, Arrays.asList("Title", escape(document.title())));
        for (ReportDocument.ReportField field : document.header()) {
            writeRow(writer, Arrays.asList(escape(field.label()), escape(field.value())));
        }
        for (ReportTable table : document.tables()) {
            writer.write(CRLF);
            writeRow(writer, Arrays.asList("Table", escape(table.name())));
            writeRow(writer, table.columns().stream().map(c -> escape(ReportCells.heading(c))).toList());
            for (List<Object> row : table.rows()) {
                String[] cells = new String[row.size()];
                for (int i = 0; i < cells.length; i++) {
                    ReportTable.Column column = table.columns().get(i);
                    String plain = ReportCells.plain(table, column, row.get(i));
                    cells[i] = column.kind() == ReportTable.Kind.TEXT ? escape(plain) : plain;
                }
                writeRow(writer, Arrays.asList(cells));
            }
        }
        writer.flush();
    }

    /** Guards text against formula injection: a leading apostrophe before text a spreadsheet would evaluate. */
    static String escape(String text) {
        if (text == null || text.isEmpty() || NUMBER.matcher(text).matches() || !FORMULA_LIKE.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }

    /** The text as it was before {@link ReportCsv}'s formula guard (for readers of the CSV). */
    public static String unescape(String field) {
        if (field.startsWith("'") && FORMULA_LIKE.matcher(field).matches()) {
            return field.substring(1);
        }
        return field;
    }

    private static void writeRow(Writer writer, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            String field = fields.get(i) == null ? "" : fields.get(i);
            // A lone empty field would be an empty line, which readers skip: quote it so the row stays a row.
            writer.write(fields.size() == 1 && field.isEmpty() ? "\"\"" : quote(field));
        }
        writer.write(CRLF);
    }

    private static String quote(String field) {
        boolean needsQuotes = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0 || !field.strip().equals(field);
        return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
