package dev.burnrate.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.burnrate.api.UsageRecord;
import dev.burnrate.portal.chargeback.ChargebackService;
import dev.burnrate.portal.review.Review;
import dev.burnrate.portal.review.ReviewPeriod;
import dev.burnrate.portal.review.ReviewService;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.support.BrowserTestBase;
import dev.burnrate.portal.support.RunAs;
import dev.burnrate.portal.usage.UsageDatasetService;
import dev.burnrate.portal.usage.UsageImportService;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The whole month-end on the demo data a new user gets: finance opens the last closed month's review, drills into the
 * largest variance (vision, over its plan) and finds the month's anomaly (search's spike); the approver explains
 * vision's line; finance signs and exports; the exports hold the figures on the screen; and a late import into the
 * signed month moves neither the page nor the export.
 */
class MonthEndReviewIT extends BrowserTestBase {

    private static final LocatorAssertions.ContainsTextOptions SLOW = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(60_000);

    @Autowired ReviewService reviews;
    @Autowired UsageImportService imports;
    @Autowired UsageDatasetService datasets;
    @Autowired ApplicationContext app;
    @Autowired ChargebackService chargeback;

    private final String lateDataset = "it-month-end-" + UUID.randomUUID().toString().substring(0, 8);

    /** Leaves the demo review open and the late import out of budgets, as the other browser tests expect them. */
    @AfterEach
    void reopenTheDemoReviewAndForgetTheLateImport() {
        RunAs.user(app, "finance", () -> {
            reviews.find(reviews.defaultPeriod()).filter(Review::signed)
                    .ifPresent(r -> reviews.reopen(r.id(), r.version(), "MonthEndReviewIT leaves the demo open"));
            return null;
        }, Role.FINANCE);
        SystemRunner.runAsSystem(() -> {
            if (datasets.datasets().stream().anyMatch(d -> d.name().equals(lateDataset))) {
                datasets.setCountsTowardBudgets(lateDataset, false);
            }
        });
    }

    @Test
    void financeReviewsTheApproverExplainsFinanceSignsExportsAndTheFiguresStay() throws Exception {
        ReviewPeriod month = RunAs.user(app, "finance", reviews::defaultPeriod, Role.FINANCE);

        loginAs("finance");
        open("reviews");
        assertThat(page.locator("#review-banner")).containsText("Open", SLOW);
        assertThat(page.locator("#review-grid")).containsText("Vision", SLOW);
        assertThat(page.locator("#review-grid")).containsText("Over");
        waitForVaadin();
        page.locator("#drill-budget-vision").click();
        assertThat(page.locator("#drilldown-movers")).containsText("Previous period", SLOW);
        screenshot("month-end-drilldown");
        // The demo's one anomaly (search's spike) is among what drove search's month.
        page.locator("#drill-budget-search").click();
        assertThat(page.locator("#drilldown-anomalies")).containsText(month.label() + "-", SLOW);

        context.clearCookies();
        loginAs("approver");
        open("reviews");
        assertThat(page.locator("#review-grid")).containsText("Vision", SLOW);
        waitForVaadin();
        page.locator("#explain-budget-vision").click();
        page.locator("#explain-text textarea").fill("Two extra labelling runs for the new detector");
        page.locator("#explain-save").click();
        assertThat(page.locator("#review-grid")).containsText("Two extra labelling runs", SLOW);

        context.clearCookies();
        loginAs("finance");
        open("reviews");
        page.locator("#review-sign").click(new com.microsoft.playwright.Locator.ClickOptions().setTimeout(60_000));
        assertThat(page.locator("#review-banner")).containsText("Locked: Signed by finance", SLOW);

        BigDecimal signedActual = visionActual(downloadXlsx());
        assertThat(signedActual).isGreaterThan(BigDecimal.ZERO);
        assertThat(page.locator("#review-grid")).containsText(money(signedActual) + " USD");
        String pdf = pdfText(download("pdf"));
        assertThat(pdf).contains("Signed by finance", "demo-billing@", money(signedActual), "Vision");
        String csv = Files.readString(download("csv"));
        assertThat(csv).contains("Signed by finance")
                .containsPattern("Vision\"?,[^\\n]*," + signedActual.toPlainString());

        // A late import of vision spend into the signed month: neither the page, the export nor the month's
        // chargeback statement (computed from the versions the review signed) moves.
        YearMonth signedMonth = YearMonth.from(month.start());
        BigDecimal invoice = usdInvoice(signedMonth);
        LocalDate day = month.start().plusDays(10);
        SystemRunner.runAsSystem(() -> imports.appendOrCreate(lateDataset, "late invoice", List.of(
                lateRow(day, 5_000)), "test", "team", true));
        open("reviews");
        assertThat(page.locator("#review-banner")).containsText("Locked", SLOW);
        assertThat(page.locator("#review-grid")).containsText(money(signedActual) + " USD", SLOW);
        assertThat(page.locator("#review-grid")).not().containsText(money(signedActual.add(new BigDecimal(5000))));
        assertThat(visionActual(downloadXlsx())).isEqualByComparingTo(signedActual);
        assertThat(usdInvoice(signedMonth)).isEqualByComparingTo(invoice);
        assertThat(RunAs.user(app, "finance", () -> chargeback.signOffState(signedMonth), Role.FINANCE))
                .startsWith("Signed by finance");
        screenshot("month-end-signed");
    }

    private BigDecimal usdInvoice(YearMonth signedMonth) {
        return RunAs.user(app, "finance", () -> chargeback.statements(signedMonth), Role.FINANCE).stream()
                .filter(s -> s.currency().equals("USD")).findFirst().orElseThrow().invoice();
    }

    private Path download(String format) {
        waitForVaadin();
        Download file = page.waitForDownload(() -> page.locator(".download-" + format + " vaadin-button").click());
        assertThat(file.suggestedFilename()).endsWith("-signed." + format);
        return file.path();
    }

    private static String pdfText(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    private Workbook downloadXlsx() throws Exception {
        try (InputStream in = Files.newInputStream(download("xlsx"))) {
            Workbook book = new XSSFWorkbook(in);
            assertThat(summary(book, "Sign-off")).startsWith("Signed by finance");
            assertThat(summary(book, "Data versions")).contains("demo-billing@");
            return book;
        }
    }

    private static String summary(Workbook book, String label) {
        for (Row row : book.getSheet("Summary")) {
            if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals(label)) {
                return row.getCell(1).getStringCellValue();
            }
        }
        throw new AssertionError("no " + label + " in the exported summary");
    }

    /** The Actual cell of the Vision line in the exported lines sheet. */
    private static BigDecimal visionActual(Workbook book) {
        Sheet lines = book.getSheet("Lines USD");
        int actual = -1;
        for (var cell : lines.getRow(0)) {
            if (cell.getStringCellValue().startsWith("Actual")) {
                actual = cell.getColumnIndex();
            }
        }
        for (Row row : lines) {
            if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().strip().equals("Vision")) {
                return BigDecimal.valueOf(row.getCell(actual).getNumericCellValue()).setScale(2,
                        java.math.RoundingMode.HALF_EVEN);
            }
        }
        throw new AssertionError("no Vision line in the exported review");
    }

    private static String money(BigDecimal amount) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
    }

    private static UsageRecord lateRow(LocalDate day, double cost) {
        Instant from = day.atStartOfDay().toInstant(ZoneOffset.UTC);
        return new UsageRecord("acct-late", "sub", from, from.plus(1, ChronoUnit.DAYS), "Usage", "compute",
                "Standard", cost, cost, cost, cost, "USD", 24, "Hours", 24, "Hours", "AWS", "late-invoice",
                "Compute", "eu-north-1", "i-late", "i-late", "instance", "sku", Map.of("team", "vision"));
    }
}
