package dev.burnrate.portal.report;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** A page for {@link ReportDownloadsIT} only (test sources): one report that exports, one whose building fails. */
@Route("test/report-downloads")
@PermitAll
public class ReportDownloadsTestView extends Div {

    public ReportDownloadsTestView() {
        Div ok = new Div(new ReportDownloads("review-2026-11-signed", ReportDownloadsTestView::exportedByCaller));
        ok.setId("ok");
        Div failing = new Div(new ReportDownloads("review-2026-10", () -> {
            throw new IllegalStateException("the review of 2026-10 has no data");
        }));
        failing.setId("failing");
        add(ok, failing);
    }

    /** The sample review with an "Exported by" field: the download's thread must know the signed-in user. */
    private static ReportDocument exportedByCaller() {
        ReportDocument sample = ReportSamples.rich(30);
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        List<ReportDocument.ReportField> header = new ArrayList<>(sample.header());
        header.add(new ReportDocument.ReportField("Exported by", caller == null ? "nobody" : caller.getName()));
        return new ReportDocument(sample.title(), header, sample.tables(), sample.charts());
    }
}
