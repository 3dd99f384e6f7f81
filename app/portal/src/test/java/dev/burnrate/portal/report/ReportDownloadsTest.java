package dev.burnrate.portal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ReportDownloadsTest {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final VaadinResponse response = mock(VaadinResponse.class);
    private final DownloadEvent event = mock(DownloadEvent.class);
    private final List<String> failures = new ArrayList<>();

    ReportDownloadsTest() {
        when(event.getOutputStream()).thenReturn(body);
        when(event.getResponse()).thenReturn(response);
    }

    @Test
    void fileNamesSayBurnrateTheReportAndTheFormat() {
        assertThat(ReportFormat.XLSX.fileName("review-2026-11-signed")).isEqualTo("burnrate-review-2026-11-signed.xlsx");
        assertThat(ReportFormat.PDF.fileName("Review 2026-11 (signed)")).isEqualTo("burnrate-review-2026-11-signed.pdf");
        assertThat(ReportFormat.CSV.fileName("Chargeback: Q4/2026, Zürich")).isEqualTo("burnrate-chargeback-q4-2026-zurich.csv");
        assertThat(ReportFormat.CSV.fileName("burnrate-review")).isEqualTo("burnrate-review.csv");
        assertThat(ReportFormat.CSV.fileName("../../etc")).isEqualTo("burnrate-etc.csv");
        assertThat(ReportFormat.PDF.fileName("")).isEqualTo("burnrate.pdf");
    }

    @Test
    void eachDownloadBuildsTheDocumentAndSendsTheWholeFile() throws Exception {
        AtomicInteger built = new AtomicInteger();
        DownloadHandler xlsx = ReportDownloads.handler("review-2026-11-signed", ReportFormat.XLSX, () -> {
            built.incrementAndGet();
            return ReportSamples.rich(10);
        }, failures::add);
        xlsx.handleDownloadRequest(event);
        verify(event).setFileName("burnrate-review-2026-11-signed.xlsx");
        verify(event).setContentType(ReportXlsx.MEDIA_TYPE);
        verify(event).setContentLength(body.size());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body.toByteArray()))) {
            assertThat(workbook.getSheet("Summary").getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo(ReportSamples.TITLE);
        }
        assertThat(built).hasValue(1);
        assertThat(failures).isEmpty();
        assertThat(xlsx.getUrlPostfix()).isEqualTo("burnrate-review-2026-11-signed.xlsx");

        body.reset();
        ReportDownloads.handler("review", ReportFormat.PDF, () -> ReportSamples.rich(10), failures::add)
                .handleDownloadRequest(event);
        try (PDDocument pdf = Loader.loadPDF(body.toByteArray())) {
            assertThat(pdf.getNumberOfPages()).isPositive();
        }
        verify(event).setContentType("application/pdf");
    }

    @Test
    void aFailingDocumentAnswers500AndTellsTheUserWhy() throws Exception {
        ReportDownloads.handler("review-2026-11", ReportFormat.CSV, () -> {
            throw new IllegalStateException("review 2026-11 has no data");
        }, failures::add).handleDownloadRequest(event);
        verify(response).setStatus(500);
        verify(event, never()).setFileName(org.mockito.ArgumentMatchers.anyString());
        assertThat(body.size()).isZero();
        assertThat(failures).containsExactly("Could not export review-2026-11 as CSV: review 2026-11 has no data");
    }

    @Test
    void offersCsvXlsxAndPdfWithoutBuildingTheDocumentUpFront() {
        AtomicInteger built = new AtomicInteger();
        ReportDownloads downloads;
        UI.setCurrent(new UI());
        try {
            downloads = new ReportDownloads("review-2026-11-open", () -> {
                built.incrementAndGet();
                return ReportSamples.rich(1);
            });
        } finally {
            UI.setCurrent(null);
        }
        List<String> labels = downloads.getChildren().map(anchor -> ((Anchor) anchor).getChildren()
                .map(button -> ((Button) button).getText()).findFirst().orElseThrow()).toList();
        assertThat(labels).containsExactly("CSV", "XLSX", "PDF");
        assertThat(downloads.getChildren().map(c -> c.getClassName()).toList())
                .containsExactly("download-csv", "download-xlsx", "download-pdf");
        assertThat(built).hasValue(0);
    }
}
