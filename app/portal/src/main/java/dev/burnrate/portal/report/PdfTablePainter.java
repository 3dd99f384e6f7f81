package dev.burnrate.portal.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Draws a {@link ReportTable}: its name, a shaded heading row repeated at the top of every page the table runs
 * onto, figures right-aligned, text wrapped within its column, and light stripes to follow a row across the page.
 */
final class PdfTablePainter {

    private static final float NAME_SIZE = 11f;
    private static final float MAX_SIZE = 8f;
    private static final float MIN_SIZE = 5f;
    private static final float PAD = 3f;
    private static final float MIN_TEXT_WIDTH = 40f;
    private static final int HEADING_FILL = 0xE4E4E4;
    private static final int STRIPE = 0xF5F5F5;

    private final PdfCanvas canvas;

    PdfTablePainter(PdfCanvas canvas) {
        this.canvas = canvas;
    }

    void draw(ReportTable table) throws IOException {
        List<ReportTable.Column> columns = table.columns();
        List<String> headings = columns.stream().map(ReportCells::heading).toList();
        List<String[]> cells = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            String[] shown = new String[columns.size()];
            for (int c = 0; c < shown.length; c++) {
                shown[c] = ReportCells.display(table, columns.get(c), row.get(c));
            }
            cells.add(shown);
        }
        float size = MAX_SIZE;
        float[] widths = fit(columns, widths(columns, headings, cells, size));
        if (sum(widths) > PdfCanvas.width()) {
            // Too many figures for the page even with wrapped text: a smaller type.
            size = Math.max(MIN_SIZE, size * PdfCanvas.width() / sum(widths));
            widths = fit(columns, widths(columns, headings, cells, size));
        }
        float leading = size * 1.25f;
        canvas.ensure(NAME_SIZE + 6 + 3 * (leading + 2 * PAD));
        canvas.text(canvas.fonts.bold, NAME_SIZE, PdfCanvas.left(), canvas.y - NAME_SIZE, table.name());
        canvas.y -= NAME_SIZE + 6;
        heading(columns, headings, widths, size, leading);
        for (int r = 0; r < cells.size(); r++) {
            List<List<String>> lines = new ArrayList<>();
            int height = 1;
            for (int c = 0; c < columns.size(); c++) {
                List<String> wrapped = numeric(columns.get(c)) ? List.of(cells.get(r)[c])
                        : canvas.fonts.wrap(canvas.fonts.regular, size, cells.get(r)[c], widths[c] - 2 * PAD);
                lines.add(wrapped);
                height = Math.max(height, wrapped.size());
            }
            float rowHeight = height * leading + 2 * PAD;
            if (canvas.y - rowHeight < PdfCanvas.BOTTOM) {
                canvas.newPage();
                canvas.text(canvas.fonts.bold, NAME_SIZE - 2, PdfCanvas.left(), canvas.y - NAME_SIZE,
                        table.name() + " (continued)");
                canvas.y -= NAME_SIZE + 6;
                heading(columns, headings, widths, size, leading);
            }
            if (r % 2 == 1) {
                canvas.fillRect(STRIPE, PdfCanvas.left(), canvas.y - rowHeight, sum(widths), rowHeight);
            }
            row(columns, lines, widths, size, leading, canvas.fonts.regular);
            canvas.y -= rowHeight;
        }
        canvas.y -= 14;
    }

    private void heading(List<ReportTable.Column> columns, List<String> headings, float[] widths, float size,
                         float leading) throws IOException {
        PDFont bold = canvas.fonts.bold;
        List<List<String>> lines = new ArrayList<>();
        int height = 1;
        for (int c = 0; c < columns.size(); c++) {
            List<String> wrapped = canvas.fonts.wrap(bold, size, headings.get(c), widths[c] - 2 * PAD);
            lines.add(wrapped);
            height = Math.max(height, wrapped.size());
        }
        float rowHeight = height * leading + 2 * PAD;
        canvas.fillRect(HEADING_FILL, PdfCanvas.left(), canvas.y - rowHeight, sum(widths), rowHeight);
        row(columns, lines, widths, size, leading, bold);
        canvas.y -= rowHeight;
        canvas.line(0x888888, 0.6f, PdfCanvas.left(), canvas.y, PdfCanvas.left() + sum(widths), canvas.y);
    }

    private void row(List<ReportTable.Column> columns, List<List<String>> lines, float[] widths, float size,
                     float leading, PDFont font) throws IOException {
        float x = PdfCanvas.left();
        for (int c = 0; c < columns.size(); c++) {
            float baseline = canvas.y - PAD - size;
            for (String line : lines.get(c)) {
                if (numeric(columns.get(c))) {
                    canvas.textRight(font, size, x + widths[c] - PAD, baseline, line);
                } else {
                    canvas.text(font, size, x + PAD, baseline, line);
                }
                baseline -= leading;
            }
            x += widths[c];
        }
    }

    /** Each column as wide as its widest heading or cell. */
    private float[] widths(List<ReportTable.Column> columns, List<String> headings, List<String[]> cells, float size) {
        float[] widths = new float[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            float w = canvas.textWidth(canvas.fonts.bold, size, headings.get(c));
            for (String[] row : cells) {
                w = Math.max(w, canvas.textWidth(canvas.fonts.regular, size, row[c]));
            }
            widths[c] = w + 2 * PAD + 1;
        }
        return widths;
    }

    /** Figures keep their width; text columns share what is left, at least {@value #MIN_TEXT_WIDTH} points each. */
    private static float[] fit(List<ReportTable.Column> columns, float[] natural) {
        float figures = 0;
        float text = 0;
        for (int c = 0; c < natural.length; c++) {
            if (numeric(columns.get(c))) {
                figures += natural[c];
            } else {
                text += natural[c];
            }
        }
        float room = PdfCanvas.width() - figures;
        if (text <= room || text == 0) {
            return natural;
        }
        float[] widths = natural.clone();
        for (int c = 0; c < widths.length; c++) {
            if (!numeric(columns.get(c))) {
                widths[c] = Math.max(MIN_TEXT_WIDTH, natural[c] * room / text);
            }
        }
        return widths;
    }

    private static boolean numeric(ReportTable.Column column) {
        return column.kind() != ReportTable.Kind.TEXT;
    }

    private static float sum(float[] values) {
        float total = 0;
        for (float v : values) {
            total += v;
        }
        return total;
    }
}
