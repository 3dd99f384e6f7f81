package dev.burnrate.portal.review;

import dev.burnrate.portal.finance.Cents;
import dev.burnrate.portal.report.ReportChart;
import dev.burnrate.portal.report.ReportDocument;
import dev.burnrate.portal.report.ReportDocument.ReportField;
import dev.burnrate.portal.report.ReportTable;
import dev.burnrate.portal.report.ReportTable.Column;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * A review as a {@link ReportDocument} for the exports: the figures the user sees (a signed review's snapshot), one
 * table and one plan/actual/forecast chart per currency, the explanations and proposals, and a header with the
 * period, the sign-off state, the data versions and the forecast models.
 */
@Service
public class ReviewReport {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ReviewService reviews;

    public ReviewReport(ReviewService reviews) {
        this.reviews = reviews;
    }

    /** The review of {@code reviewId} as the current user may see it. */
    @PermitAll
    public ReportDocument report(long reviewId) {
        return of(reviews.sheet(reviewId));
    }

    /** e.g. "Signed by fay on 2026-12-03 09:12 UTC" or "Open: figures are live and not signed". */
    public static String signOff(Review r) {
        return r.signed() ? "Signed by " + r.signedBy() + " on " + WHEN.format(r.signedAt())
                : "Open: figures are live and not signed" + (r.reopenedBy() == null ? ""
                : " (reopened by " + r.reopenedBy() + " on " + WHEN.format(r.reopenedAt()) + ")");
    }

    public static ReportDocument of(ReviewSheet sheet) {
        Review r = sheet.review();
        List<ReportField> header = new ArrayList<>(List.of(
                new ReportField("Period", r.period().label() + " (" + r.period().start() + " to "
                        + r.period().end().minusDays(1) + ")"),
                new ReportField("Sign-off", signOff(r)),
                new ReportField("Data versions", sheet.versions().describe()),
                new ReportField("Forecast models", String.join("; ", sheet.models())),
                new ReportField("Variance", LineStatus.SIGN_CONVENTION),
                new ReportField("Status rule", LineStatus.RULE)));
        if (!sheet.complete()) {
            header.add(new ReportField("Scope", "Lines of other teams are not shown"));
        }
        sheet.reopenings().forEach(o -> header.add(new ReportField("Reopened",
                WHEN.format(o.reopenedAt()) + " by " + o.reopenedBy() + ": " + o.reason())));
        List<ReportTable> tables = new ArrayList<>();
        List<ReportChart> charts = new ArrayList<>();
        for (String currency : new TreeSet<>(sheet.lines().stream().map(ReviewLine::currency).toList())) {
            List<ReviewLine> lines = sheet.lines().stream().filter(l -> l.currency().equals(currency)).toList();
            tables.add(lines(currency, lines));
            List<ReviewLine> budgets = lines.stream().filter(ReviewLine::isBudget).toList();
            if (!budgets.isEmpty()) {
                charts.add(new ReportChart("Plan, actual and forecast per budget (" + currency + ")",
                        ReportChart.Kind.BAR, budgets.stream().map(ReviewLine::label).toList(), List.of(
                        new ReportChart.Series("Plan", budgets.stream().map(l -> cents(l.plan())).toList()),
                        new ReportChart.Series("Actual", budgets.stream().map(l -> cents(l.actual())).toList()),
                        new ReportChart.Series("Forecast (P50)", budgets.stream().map(l -> cents(l.p50()))
                                .toList()))));
            }
        }
        tables.add(explanations(sheet));
        tables.add(proposals(sheet));
        return new ReportDocument("Budget review " + r.period().label(), header, tables, charts);
    }

    private static ReportTable lines(String currency, List<ReviewLine> lines) {
        List<Column> columns = List.of(Column.text("Line"), Column.text("Kind"), Column.text("Cost column"),
                Column.money("Plan", currency), Column.money("Actual", currency),
                Column.money("Forecast P10", currency), Column.money("Forecast P50", currency),
                Column.money("Forecast P90", currency), Column.money("Variance", currency),
                Column.percent("Variance %"), Column.text("Status"), Column.text("Forecast model"));
        List<List<Object>> rows = new ArrayList<>();
        for (ReviewLine l : lines) {
            rows.add(java.util.Arrays.asList(l.parentKey() == null ? l.label() : "  " + l.label(),
                    l.kind().name(), l.metric().column(), cents(l.plan()), cents(l.actual()), cents(l.p10()),
                    cents(l.p50()), cents(l.p90()), cents(l.variance()),
                    l.variancePercent() == null ? null : l.variancePercent().doubleValue(),
                    l.status() == null ? null : l.status().label(), l.forecastModel()));
        }
        return new ReportTable("Lines " + currency, columns, rows);
    }

    private static ReportTable explanations(ReviewSheet sheet) {
        List<List<Object>> rows = new ArrayList<>();
        for (Explanation e : sheet.explanations()) {
            rows.add(List.of(label(sheet, e.lineKey()), String.valueOf(e.version()), e.author(),
                    when(e.writtenAt()), e.text()));
        }
        return new ReportTable("Explanations", List.of(Column.text("Line"), Column.text("Version"),
                Column.text("Author"), Column.text("Written"), Column.text("Explanation")), rows);
    }

    private static ReportTable proposals(ReviewSheet sheet) {
        List<List<Object>> rows = new ArrayList<>();
        for (Proposal p : sheet.proposals()) {
            rows.add(java.util.Arrays.asList(label(sheet, p.lineKey()), String.valueOf(p.version()),
                    p.amount().toPlainString() + " " + p.currency(), p.proposedBy(), when(p.proposedAt()),
                    p.decision().name(), p.decidedBy(), p.note()));
        }
        return new ReportTable("Reforecast proposals", List.of(Column.text("Line"), Column.text("Version"),
                Column.text("Reforecast"), Column.text("Proposed by"), Column.text("Proposed"),
                Column.text("Decision"), Column.text("Decided by"), Column.text("Note")), rows);
    }

    private static String label(ReviewSheet sheet, String key) {
        return sheet.lines().stream().filter(l -> l.key().equals(key)).map(ReviewLine::label).findFirst().orElse(key);
    }

    private static String when(Instant at) {
        return at == null ? null : WHEN.format(at);
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount == null ? null : Cents.round(amount);
    }
}
