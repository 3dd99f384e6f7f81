package dev.burnrate.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ReportPdfTest {

    private static final ReportDocument RICH = ReportSamples.rich();
    private static final byte[] PDF = ReportPdf.toBytes(RICH);

    @Test
    void a4WithTitleAndHeaderFieldsOnTheFirstPage() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(PDF)) {
            PDRectangle box = pdf.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(box.getHeight()).isEqualTo(PDRectangle.A4.getHeight());
            String first = text(pdf, 1, 1);
            assertThat(first).contains(ReportSamples.TITLE, ReportSamples.PERIOD, ReportSamples.SIGN_OFF,
                    ReportSamples.DATA_VERSIONS, "Data versions", "Sign-off", "Period");
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo(ReportSamples.TITLE);
        }
    }

    @Test
    void everyTableCellIsPrinted() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(PDF)) {
            String all = squeeze(text(pdf, 1, pdf.getNumberOfPages()));
            for (ReportTable table : RICH.tables()) {
                assertThat(all).contains(squeeze(table.name()));
                for (ReportTable.Column column : table.columns()) {
                    assertThat(all).contains(squeeze(ReportCells.heading(column)));
                }
                for (List<Object> row : table.rows()) {
                    for (int c = 0; c < row.size(); c++) {
                        Object cell = row.get(c);
                        if (cell == null || "Zürich – Δ Ω ₹ 東京".equals(cell)) {
                            continue;
                        }
                        String shown = switch (table.columns().get(c).kind()) {
                            case MONEY -> String.format(Locale.US, "%,.2f", (BigDecimal) cell);
                            case PERCENT -> String.format(Locale.US, "%,.1f %%", (Double) cell);
                            case NUMBER -> String.format(Locale.US, "%d", ((Double) cell).longValue());
                            case TEXT -> (String) cell;
                        };
                        assertThat(all).as("cell %s of %s", shown, table.name()).contains(squeeze(shown));
                    }
                }
            }
            // glyphs DejaVu Sans lacks (CJK) print as '?', the rest of the cell as it is
            assertThat(all).contains(squeeze("Zürich – Δ Ω"));
        }
    }

    @Test
    void moneyIsRightAlignedInItsColumn() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(PDF)) {
            String first = text(pdf, 1, pdf.getNumberOfPages());
            // the grouped, negative figures stay whole on their line
            assertThat(first).contains("-111.03", "4,800.10", "-0.99");
        }
    }

    @Test
    void longTablesRunOntoMorePagesWithTheirHeadingsRepeatedAndPageNumbers() throws IOException {
        byte[] shortPdf = ReportPdf.toBytes(ReportSamples.rich(20));
        byte[] longPdf = ReportPdf.toBytes(ReportSamples.rich(400));
        try (PDDocument small = Loader.loadPDF(shortPdf); PDDocument large = Loader.loadPDF(longPdf)) {
            assertThat(large.getNumberOfPages()).isGreaterThan(small.getNumberOfPages() + 3);
            int pages = large.getNumberOfPages();
            int resourcePages = 0;
            for (int p = 1; p <= pages; p++) {
                String page = text(large, p, p);
                assertThat(page).contains("Page " + p + " of " + pages);
                if (page.contains("resource-")) {
                    resourcePages++;
                    assertThat(page).contains("Resource", "Team", "Cost (USD)", "Cost (EUR)", "Instances");
                }
            }
            assertThat(resourcePages).isGreaterThan(3);
            assertThat(text(large, pages, pages)).contains("resource-399", "Resources (continued)");
        }
    }

    @Test
    void chartsAreDrawnInTheirSeriesColours() throws IOException {
        ReportDocument withoutCharts = new ReportDocument(RICH.title(), RICH.header(), RICH.tables(), List.of());
        assertThat(colouredPixels(PDF, 0x1F77B4)).isGreaterThan(500);
        assertThat(colouredPixels(PDF, 0xFF7F0E)).isGreaterThan(500);
        assertThat(colouredPixels(PDF, 0x2CA02C)).isGreaterThan(100);
        assertThat(colouredPixels(ReportPdf.toBytes(withoutCharts), 0x1F77B4)).isZero();
        try (PDDocument pdf = Loader.loadPDF(PDF)) {
            String first = text(pdf, 1, 1);
            assertThat(first).contains("Plan vs actual", "Daily spend", "Plan", "Actual", "forecast P50", "vision");
        }
    }

    @Test
    void everyBarIsLabelledEvenWhenTheNamesDoNotFitSideBySide() throws IOException {
        List<String> teams = List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
                "india", "juliett", "kilo", "lima", "mike", "november").stream().map(t -> t + "-cost").toList();
        List<BigDecimal> values = teams.stream().map(t -> new BigDecimal(t.length() * 100 - 900)).toList();
        ReportChart chart = new ReportChart("Many budgets", ReportChart.Kind.BAR, teams,
                List.of(new ReportChart.Series("Actual", values)));
        ReportDocument many = new ReportDocument("Review", List.of(), List.of(), List.of(chart));
        try (PDDocument pdf = Loader.loadPDF(ReportPdf.toBytes(many))) {
            // slanted text comes out of the stripper in short pieces, in order
            assertThat(squeeze(text(pdf, 1, 1))).contains(teams);
        }
    }

    @Test
    void fontsAreEmbeddedAndTheFallbackFontPrintsAccentsToo() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(PDF)) {
            PDResources resources = pdf.getPage(0).getResources();
            for (COSName name : resources.getFontNames()) {
                assertThat(resources.getFont(name).isEmbedded()).isTrue();
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportPdf.write(RICH, out, Path.of("/nonexistent-font-dir"));
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertThat(text(pdf, 1, 1)).contains(ReportSamples.SIGN_OFF);
            assertThat(text(pdf, 1, pdf.getNumberOfPages())).contains("Zürich – Δ Ω");
            assertThat(pdf.getPage(0).getResources().getFont(pdf.getPage(0).getResources().getFontNames()
                    .iterator().next()).getName()).contains("LiberationSans");
        }
    }

    private static long colouredPixels(byte[] pdfBytes, int rgb) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(pdfBytes)) {
            BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 72);
            long count = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    if (close(image.getRGB(x, y), rgb)) {
                        count++;
                    }
                }
            }
            return count;
        }
    }

    private static boolean close(int argb, int rgb) {
        return Math.abs(((argb >> 16) & 0xFF) - ((rgb >> 16) & 0xFF)) < 12
                && Math.abs(((argb >> 8) & 0xFF) - ((rgb >> 8) & 0xFF)) < 12
                && Math.abs((argb & 0xFF) - (rgb & 0xFF)) < 12;
    }

    private static String text(PDDocument pdf, int from, int to) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return stripper.getText(pdf);
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }
}
