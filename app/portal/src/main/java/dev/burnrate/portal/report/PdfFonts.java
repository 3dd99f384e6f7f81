package dev.burnrate.portal.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The embedded fonts of a PDF export. DejaVu Sans (Debian's fonts-dejavu-core, which CI installs) covers Latin,
 * Greek, Cyrillic and many symbols; where it is missing, Liberation Sans, which ships inside PDFBox's jar, is used,
 * so an export never depends on downloading anything. Characters neither font has are written as '?' rather than
 * failing the export.
 */
final class PdfFonts {

    static final Path DEJAVU_DIR = Path.of("/usr/share/fonts/truetype/dejavu");
    private static final String LIBERATION = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    final PDFont regular;
    final PDFont bold;
    /** Bold is drawn with the regular face when no bold file exists (the PDF stays readable). */
    final boolean hasBold;
    private final Map<Integer, Boolean> regularGlyphs = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> boldGlyphs = new ConcurrentHashMap<>();

    private PdfFonts(PDFont regular, PDFont bold, boolean hasBold) {
        this.regular = regular;
        this.bold = bold;
        this.hasBold = hasBold;
    }

    /** The fonts from {@code dejavuDir} when it has DejaVu Sans, else PDFBox's Liberation Sans. */
    static PdfFonts load(PDDocument document, Path dejavuDir) throws IOException {
        Path regular = dejavuDir == null ? null : dejavuDir.resolve("DejaVuSans.ttf");
        if (regular != null && Files.isReadable(regular)) {
            PDFont face = PDType0Font.load(document, regular.toFile());
            Path boldFile = dejavuDir.resolve("DejaVuSans-Bold.ttf");
            return Files.isReadable(boldFile)
                    ? new PdfFonts(face, PDType0Font.load(document, boldFile.toFile()), true)
                    : new PdfFonts(face, face, false);
        }
        try (InputStream in = PdfFonts.class.getResourceAsStream(LIBERATION)) {
            if (in == null) {
                throw new IOException("no font for the PDF export: neither " + regular + " nor " + LIBERATION);
            }
            PDFont face = PDType0Font.load(document, in, true);
            return new PdfFonts(face, face, false);
        }
    }

    /** The text with every character the font cannot draw replaced by '?', and control characters by spaces. */
    String printable(PDFont font, String text) {
        if (text == null) {
            return "";
        }
        Map<Integer, Boolean> known = font == regular ? regularGlyphs : boldGlyphs;
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(' ');
            } else if (known.computeIfAbsent(cp, c -> canEncode(font, c))) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    /** Width in points of (printable) text. */
    static float width(PDFont font, float size, String printable) {
        try {
            return font.getStringWidth(printable) / 1000f * size;
        } catch (IOException e) {
            throw new IllegalStateException("cannot measure text in the PDF font", e);
        }
    }

    /** Splits text into lines no wider than {@code maxWidth}: at line breaks, then at spaces, then anywhere. */
    List<String> wrap(PDFont font, float size, String text, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : (text == null ? "" : text).split("\\R", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : printable(font, paragraph).split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(font, size, candidate) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                // A word wider than the column is broken between characters.
                for (int i = 0; i < word.length(); ) {
                    int cp = word.codePointAt(i);
                    String next = line.toString() + Character.toString(cp);
                    if (!line.isEmpty() && width(font, size, next) > maxWidth) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    line.appendCodePoint(cp);
                    i += Character.charCount(cp);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static boolean canEncode(PDFont font, int codePoint) {
        try {
            font.encode(Character.toString(codePoint));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
