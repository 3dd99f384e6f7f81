package dev.burnrate.portal.report;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.util.Matrix;

/**
 * A4 pages filled from top to bottom: the current page's content stream, a cursor ({@link #y}) and the drawing
 * primitives the report painters share. Coordinates are PDF points, origin bottom left.
 */
final class PdfCanvas implements AutoCloseable {

    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN = 40f;
    /** Space kept free at the bottom for the footer with the page number. */
    static final float BOTTOM = 48f;

    final PDDocument document;
    final PdfFonts fonts;
    private PDPageContentStream stream;
    /** The top of the free space on the current page. */
    float y;

    PdfCanvas(PDDocument document, PdfFonts fonts) {
        this.document = document;
        this.fonts = fonts;
    }

    static float left() {
        return MARGIN;
    }

    static float width() {
        return PAGE.getWidth() - 2 * MARGIN;
    }

    PDPageContentStream stream() throws IOException {
        if (stream == null) {
            newPage();
        }
        return stream;
    }

    void newPage() throws IOException {
        closeStream();
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN;
    }

    /** Starts a new page unless {@code height} points still fit below the cursor. */
    void ensure(float height) throws IOException {
        if (stream == null || y - height < BOTTOM) {
            newPage();
        }
    }

    /** Whether the cursor is at the top of a page (nothing drawn on it yet). */
    boolean atTop() {
        return stream != null && y >= PAGE.getHeight() - MARGIN;
    }

    void text(PDFont font, float size, float x, float baseline, String text) throws IOException {
        String printable = fonts.printable(font, text);
        if (printable.isEmpty()) {
            return;
        }
        PDPageContentStream s = stream();
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, baseline);
        s.showText(printable);
        s.endText();
    }

    /** Text turned {@code radians} counter-clockwise about its start point. */
    void textRotated(PDFont font, float size, float x, float y, double radians, String text) throws IOException {
        String printable = fonts.printable(font, text);
        if (printable.isEmpty()) {
            return;
        }
        PDPageContentStream s = stream();
        s.beginText();
        s.setFont(font, size);
        s.setTextMatrix(Matrix.getRotateInstance(radians, x, y));
        s.showText(printable);
        s.endText();
    }

    void textRight(PDFont font, float size, float right, float baseline, String text) throws IOException {
        text(font, size, right - PdfFonts.width(font, size, fonts.printable(font, text)), baseline, text);
    }

    void textCentered(PDFont font, float size, float center, float baseline, String text) throws IOException {
        text(font, size, center - PdfFonts.width(font, size, fonts.printable(font, text)) / 2, baseline, text);
    }

    float textWidth(PDFont font, float size, String text) {
        return PdfFonts.width(font, size, fonts.printable(font, text));
    }

    void fillRect(int rgb, float x, float yBottom, float w, float h) throws IOException {
        PDPageContentStream s = stream();
        color(s, rgb, false);
        s.addRect(x, yBottom, w, h);
        s.fill();
        s.setNonStrokingColor(0f, 0f, 0f);
    }

    void line(int rgb, float width, float x1, float y1, float x2, float y2) throws IOException {
        PDPageContentStream s = stream();
        color(s, rgb, true);
        s.setLineWidth(width);
        s.moveTo(x1, y1);
        s.lineTo(x2, y2);
        s.stroke();
        s.setStrokingColor(0f, 0f, 0f);
    }

    static void color(PDPageContentStream s, int rgb, boolean stroking) throws IOException {
        float r = ((rgb >> 16) & 0xFF) / 255f;
        float g = ((rgb >> 8) & 0xFF) / 255f;
        float b = (rgb & 0xFF) / 255f;
        if (stroking) {
            s.setStrokingColor(r, g, b);
        } else {
            s.setNonStrokingColor(r, g, b);
        }
    }

    private void closeStream() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeStream();
    }
}
