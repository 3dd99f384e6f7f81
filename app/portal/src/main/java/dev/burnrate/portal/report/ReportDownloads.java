package dev.burnrate.portal.report;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three download buttons (CSV, XLSX, PDF) for a report. The document is built when a download is requested, in
 * the download request's own thread, which Vaadin runs without the session lock: the UI stays responsive while a
 * large report is computed and written. When building or writing fails, the request answers 500 and the user gets
 * an error notification (by push) saying which export failed and why.
 */
public class ReportDownloads extends HorizontalLayout {

    private static final Logger LOG = LoggerFactory.getLogger(ReportDownloads.class);

    /**
     * @param name     the report's name for the file, e.g. "review-2026-11-signed" gives
     *                 burnrate-review-2026-11-signed.csv/.xlsx/.pdf
     * @param document builds the document (called once per download, outside the UI lock, as the signed-in user)
     */
    public ReportDownloads(String name, Supplier<ReportDocument> document) {
        setSpacing(true);
        addClassName("report-downloads");
        for (ReportFormat format : ReportFormat.values()) {
            Anchor anchor = new Anchor(new ReportDownload(name, format, document, ReportDownloads::showFailure), "");
            anchor.setDownload(true);
            anchor.addClassName("download-" + format.extension()); // a class, not an id: a page may show two reports
            Button button = new Button(format.name(), VaadinIcon.DOWNLOAD_ALT.create());
            button.addThemeVariants(ButtonVariant.TERTIARY);
            button.setTooltipText("Download as " + format.name() + ": " + format.fileName(name));
            anchor.add(button);
            add(anchor);
        }
    }

    private static void showFailure(UI ui, String message) {
        if (ui != null) {
            ui.access(() -> Notification.show(message, 10_000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.ERROR));
        }
    }

    /** One format's download: builds the document, writes it whole, then sends it (or reports why not). */
    static final class ReportDownload implements DownloadHandler {

        private final String name;
        private final ReportFormat format;
        private final Supplier<ReportDocument> document;
        private final FailureSink failures;

        ReportDownload(String name, ReportFormat format, Supplier<ReportDocument> document, FailureSink failures) {
            this.name = name;
            this.format = format;
            this.document = document;
            this.failures = failures;
        }

        @Override
        public void handleDownloadRequest(DownloadEvent event) throws IOException {
            byte[] bytes;
            try {
                // Written to memory first, so a failure half-way never reaches the browser as a truncated file.
                bytes = format.toBytes(document.get());
            } catch (RuntimeException e) {
                LOG.warn("The {} export of {} failed", format, name, e);
                event.getResponse().setStatus(HttpStatusCode.INTERNAL_SERVER_ERROR.getCode());
                String reason = e.getMessage() == null || e.getMessage().isBlank()
                        ? e.getClass().getSimpleName() : e.getMessage();
                failures.failed(event.getUI(), "Could not export " + name + " as " + format + ": " + reason);
                return;
            }
            event.setFileName(format.fileName(name));
            event.setContentType(format.mediaType());
            event.setContentLength(bytes.length);
            try (OutputStream out = event.getOutputStream()) {
                out.write(bytes);
            }
        }

        @Override
        public String getUrlPostfix() {
            return format.fileName(name);
        }
    }

    /** Where a failed download is reported (a notification in the user's UI; a list in tests). */
    @FunctionalInterface
    interface FailureSink {
        void failed(UI ui, String message);
    }

    /** For tests: the handler of one format. */
    static DownloadHandler handler(String name, ReportFormat format, Supplier<ReportDocument> document,
                                   Consumer<String> failures) {
        return new ReportDownload(name, format, document, (ui, message) -> failures.accept(message));
    }
}
