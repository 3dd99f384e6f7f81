package dev.burnrate.portal.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * Writes a {@link ReportDocument} as an A4 PDF: the title and the header fields (period, sign-off state, data
 * versions, ...) on the first page, then each chart drawn as vector graphics, then the tables with their headings
 * repeated on every page; every page has the title and "Page x of y" in its footer. Fonts are embedded
 * ({@link PdfFonts}), so non-ASCII names print as they are.
 */
public final class ReportPdf {

    public static final String MEDIA_TYPE = "application/pdf";

    private static final float TITLE_SIZE = 18f;
    private static final float FIELD_SIZE = 10f;
    private static final float FOOTER_SIZE = 8f;

    private final Path fontDir;

    private ReportPdf(Path fontDir) {
        this.fontDir = fontDir;
    }

    public static byte[] toBytes(ReportDocument document) {
        return ReportFormat.PDF.toBytes(document);
    }

    /** Writes the PDF; the stream is not closed. */
    public static void write(ReportDocument document, OutputStream out) throws IOException {
        new ReportPdf(PdfFonts.DEJAVU_DIR).render(document, out);
    }

    /** With the fonts of another directory (none: PDFBox's own), to test the fallback. */
    static void write(ReportDocument document, OutputStream out, Path fontDir) throws IOException {
        new ReportPdf(fontDir).render(document, out);
    }

    private void render(ReportDocument report, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(report.title());
            info.setCreator("Burnrate");
            PdfFonts fonts = PdfFonts.load(document, fontDir);
            try (PdfCanvas canvas = new PdfCanvas(document, fonts)) {
                canvas.newPage();
                header(canvas, report);
                PdfChartPainter charts = new PdfChartPainter(canvas);
                for (ReportChart chart : report.charts()) {
                    charts.draw(chart);
                }
                PdfTablePainter tables = new PdfTablePainter(canvas);
                for (ReportTable table : report.tables()) {
                    tables.draw(table);
                }
            }
            footers(document, fonts, report.title());
            document.save(out);
        }
    }

    private static void header(PdfCanvas canvas, ReportDocument report) throws IOException {
        float left = PdfCanvas.left();
        float width = PdfCanvas.width();
        for (String line : canvas.fonts.wrap(canvas.fonts.bold, TITLE_SIZE, report.title(), width)) {
            canvas.text(canvas.fonts.bold, TITLE_SIZE, left, canvas.y - TITLE_SIZE, line);
            canvas.y -= TITLE_SIZE * 1.3f;
        }
        canvas.y -= 6;
        float labelWidth = 0;
        for (ReportDocument.ReportField field : report.header()) {
            labelWidth = Math.max(labelWidth, canvas.textWidth(canvas.fonts.bold, FIELD_SIZE, field.label()));
        }
        labelWidth = Math.min(labelWidth + 12, width / 3);
        float leading = FIELD_SIZE * 1.35f;
        for (ReportDocument.ReportField field : report.header()) {
            List<String> labels = canvas.fonts.wrap(canvas.fonts.bold, FIELD_SIZE, field.label(), labelWidth - 12);
            List<String> values = canvas.fonts.wrap(canvas.fonts.regular, FIELD_SIZE, field.value(), width - labelWidth);
            int lines = Math.max(labels.size(), values.size());
            canvas.ensure(lines * leading);
            for (int i = 0; i < lines; i++) {
                float baseline = canvas.y - FIELD_SIZE - i * leading;
                if (i < labels.size()) {
                    canvas.text(canvas.fonts.bold, FIELD_SIZE, left, baseline, labels.get(i));
                }
                if (i < values.size()) {
                    canvas.text(canvas.fonts.regular, FIELD_SIZE, left + labelWidth, baseline, values.get(i));
                }
            }
            canvas.y -= lines * leading;
        }
        canvas.y -= 14;
    }

    /** The footer of every page, written once the page count is known. */
    private static void footers(PDDocument document, PdfFonts fonts, String title) throws IOException {
        int count = document.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream stream = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                float baseline = PdfCanvas.MARGIN / 2 + 4;
                String pageText = "Page " + (i + 1) + " of " + count;
                float right = PdfCanvas.PAGE.getWidth() - PdfCanvas.MARGIN;
                float pageWidth = PdfFonts.width(fonts.regular, FOOTER_SIZE, pageText);
                PdfCanvas.color(stream, 0x666666, false);
                show(stream, fonts, right - pageWidth, baseline, pageText);
                List<String> titleLines = fonts.wrap(fonts.regular, FOOTER_SIZE, title,
                        PdfCanvas.width() - pageWidth - 20);
                show(stream, fonts, PdfCanvas.MARGIN, baseline, titleLines.isEmpty() ? "" : titleLines.get(0));
            }
        }
    }

    private static void show(PDPageContentStream stream, PdfFonts fonts, float x, float y, String text)
            throws IOException {
        String printable = fonts.printable(fonts.regular, text);
        if (printable.isEmpty()) {
            return;
        }
        stream.beginText();
        stream.setFont(fonts.regular, FOOTER_SIZE);
        stream.newLineAtOffset(x, y);
        stream.showText(printable);
        stream.endText();
    }
}
