package dev.burnrate.portal.report;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import dev.burnrate.portal.support.BrowserTestBase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The download buttons in the real portal and Chromium: file names, content, the user, and a failing export. */
class ReportDownloadsIT extends BrowserTestBase {

    @Test
    void downloadsEachFormatAsTheSignedInUser() throws Exception {
        loginAs("finance");
        open("test/report-downloads");

        Download csv = page.waitForDownload(() -> page.locator("#ok .download-csv vaadin-button").click());
        assertThat(csv.suggestedFilename()).isEqualTo("burnrate-review-2026-11-signed.csv");
        assertThat(Files.readString(csv.path(), StandardCharsets.UTF_8))
                .contains("Period,November 2026", "Exported by,finance", "Table,Resources", "resource-29");

        Download xlsx = page.waitForDownload(() -> page.locator("#ok .download-xlsx vaadin-button").click());
        assertThat(xlsx.suggestedFilename()).isEqualTo("burnrate-review-2026-11-signed.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx.path()))) {
            assertThat(workbook.getSheet("Summary").getRow(6).getCell(1).getStringCellValue()).isEqualTo("finance");
            assertThat(workbook.getSheet("Resources").getLastRowNum()).isEqualTo(30);
        }

        Download pdf = page.waitForDownload(() -> page.locator("#ok .download-pdf vaadin-button").click());
        assertThat(pdf.suggestedFilename()).isEqualTo("burnrate-review-2026-11-signed.pdf");
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
            assertThat(new PDFTextStripper().getText(document)).contains(ReportSamples.SIGN_OFF, "finance");
        }
    }

    @Test
    void aFailingExportTellsTheUserWhy() {
        loginAs("finance");
        open("test/report-downloads");
        page.locator("#failing .download-csv vaadin-button").click();
        assertThat(page.locator("vaadin-notification-card").last())
                .containsText("Could not export review-2026-10 as CSV: the review of 2026-10 has no data");
    }
}
