package dev.burnrate.portal.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.burnrate.portal.base.BackgroundWork;
import dev.burnrate.portal.base.ViewTask;
import dev.burnrate.portal.base.chart.EChart;
import dev.burnrate.portal.report.ReportDownloads;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** The month-end budget review: pick a period, read and explain its lines, drill down, sign, reopen. */
@Route("reviews")
@PageTitle("Reviews · Burnrate")
@Menu(order = 37, title = "Reviews", icon = "vaadin:clipboard-check")
@PermitAll
public class ReviewsView extends VerticalLayout implements BeforeEnterObserver {

    private final ReviewService service;
    private final ReviewDrilldown drilldowns;
    private final BackgroundWork work;
    private final ReviewReport reports;
    private final PeriodPicker period;
    private final Div banner = new Div();
    private final Paragraph status = new Paragraph();
    private final ProgressBar progress = new ProgressBar();
    private final HorizontalLayout actions = new HorizontalLayout();
    private final ReviewGrid grid;
    private final EChart chart = new EChart();
    private final DrilldownPanel drilldown = new DrilldownPanel();
    private final ProposalsPanel proposals;
    private ReviewSheet sheet;
    private ViewTask running;

    public ReviewsView(ReviewService service, ReviewDrilldown drilldowns, ReviewReport reports, BackgroundWork work) {
        this.service = service;
        this.reports = reports;
        this.drilldowns = drilldowns;
        this.work = work;
        addClassName("reviews-view");
        setWidthFull();
        grid = new ReviewGrid(this::drill, this::explain);
        proposals = new ProposalsPanel(this::decide);
        period = new PeriodPicker(service.defaultPeriod(), chosen -> load());
        banner.setId("review-banner");
        status.setId("review-status");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        chart.setId("review-chart");
        chart.setHeight("300px");
        chart.setVisible(false);
        HorizontalLayout picker = new HorizontalLayout(period, actions);
        picker.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2("Budget review"), picker, banner, status, progress,
                new Paragraph(LineStatus.SIGN_CONVENTION + " " + LineStatus.RULE),
                new Paragraph("Top-level budgets + \"counted by more than one budget\" + \"not covered by any "
                        + "budget\" = the period total, to the cent, per currency (currencies are never added). "
                        + "Child budgets are indented under their parent, which counts each of their rows once; "
                        + "team and project lines show spend that has no budget of its own. An open period's "
                        + "forecast adds the engine's forecast of the days left; a closed period's is its actual."),
                grid, chart, proposals, drilldown);
        // Computing needs the UI (progress is pushed), so the first load waits until the view is attached.
        addAttachListener(e -> load());
    }

    /** {@code ?period=2026-11} or {@code ?period=2026-Q4} opens that period (links from elsewhere, e.g. mails). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> asked = event.getLocation().getQueryParameters().getParameters().get("period");
        if (asked == null || asked.isEmpty()) {
            return;
        }
        ReviewPeriod target;
        try {
            target = ReviewPeriod.parse(asked.getFirst());
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return;
        }
        period.select(target);
    }

    private void load() {
        ReviewPeriod chosen = period.value();
        if (!isAttached()) {
            return;
        }
        actions.removeAll();
        grid.setItems(List.of());
        chart.setVisible(false);
        drilldown.setVisible(false);
        proposals.setVisible(false);
        banner.removeAll();
        banner.setVisible(false);
        sheet = null;
        if (chosen == null) {
            return;
        }
        var review = service.find(chosen);
        if (review.isEmpty()) {
            status.setText("There is no review of " + chosen.label() + " yet." + (service.mayOpen() ? ""
                    : " Finance opens reviews."));
            if (service.mayOpen()) {
                Button open = new Button("Open the review of " + chosen.label(), e -> openReview(chosen));
                open.setId("review-open");
                open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                actions.add(open);
            }
            return;
        }
        compute(review.get().id());
    }

    private void openReview(ReviewPeriod chosen) {
        try {
            long id = service.open(chosen).id();
            actions.removeAll();
            compute(id);
        } catch (IllegalArgumentException | IllegalStateException e) {
            status.setText(e.getMessage());
        }
    }

    private void compute(long reviewId) {
        if (running != null) {
            running.cancel();
        }
        status.setText("Computing the review's figures (an open period's forecasts take a few seconds)…");
        progress.setVisible(true);
        try {
            running = ViewTask.start(this, work, "the review", task -> service.sheet(reviewId), this::show,
                    failure -> {
                        progress.setVisible(false);
                        status.setText("The review could not be computed: " + failure.getMessage());
                    });
        } catch (BackgroundWork.Busy busy) {
            progress.setVisible(false);
            status.setText("The portal is busy; try again in a moment. " + busy.getMessage());
        }
    }

    private void show(ReviewSheet shown) {
        running = null;
        sheet = shown;
        progress.setVisible(false);
        Review r = shown.review();
        banner.setVisible(true);
        banner.setText(r.signed() ? "Locked: " + ReviewReport.signOff(r) + ". These are the signed figures (data "
                + "versions " + shown.versions().describe() + "); later imports and budget edits do not change them."
                : ReviewReport.signOff(r) + ". Data versions: " + shown.versions().describe() + ".");
        banner.getElement().getThemeList().add("badge");
        banner.getElement().getThemeList().set("success", r.signed());
        banner.getElement().getThemeList().set("contrast", !r.signed());
        status.setText((shown.complete() ? "" : "Lines of other teams are hidden. ") + "Forecast models: "
                + String.join("; ", shown.models()));
        grid.show(shown);
        var charts = ReviewReport.of(shown).charts();
        chart.setVisible(!charts.isEmpty());
        if (!charts.isEmpty()) {
            chart.setOption(ReviewCharts.bars(charts.getFirst()));
        }
        proposals.show(shown);
        actions.removeAll();
        if (shown.maySign()) {
            Button sign = new Button("Sign off " + r.period().label(), e -> sign(r));
            sign.setId("review-sign");
            sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            actions.add(sign);
        }
        actions.add(new ReportDownloads("review-" + r.period().label() + (r.signed() ? "-signed" : "-open"),
                () -> reports.report(r.id())));
        if (shown.mayReopen()) {
            Button reopen = new Button("Reopen…", e -> new ReopenDialog(r, reason -> attempt(() ->
                    service.reopen(r.id(), r.version(), reason))).open());
            reopen.setId("review-reopen");
            actions.add(reopen);
        }
    }

    private void sign(Review r) {
        String problem = attempt(() -> service.sign(r.id(), r.version()));
        if (problem != null) {
            Notification.show(problem, 8000, Notification.Position.MIDDLE);
        }
    }

    /** Runs a change and reloads; returns the message of a refusal, or null. */
    private String attempt(Runnable change) {
        try {
            change.run();
        } catch (IllegalArgumentException | IllegalStateException
                 | org.springframework.security.access.AccessDeniedException e) {
            load();
            return e.getMessage();
        }
        load();
        return null;
    }

    private void drill(ReviewLine line) {
        if (sheet == null) {
            return;
        }
        long id = sheet.review().id();
        status.setText("Finding what drove " + line.label() + "…");
        progress.setVisible(true);
        try {
            ViewTask.start(this, work, "the drill-down", task -> drilldowns.drill(id, line.key()), d -> {
                progress.setVisible(false);
                status.setText("");
                drilldown.show(d);
                drilldown.scrollIntoView();
            }, failure -> {
                progress.setVisible(false);
                status.setText("The drill-down failed: " + failure.getMessage());
            });
        } catch (BackgroundWork.Busy busy) {
            progress.setVisible(false);
            status.setText("The portal is busy; try again in a moment.");
        }
    }

    private void explain(ReviewLine line) {
        long id = sheet.review().id();
        new ExplainDialog(line, sheet, (text, reforecast, note) -> attempt(() -> {
            if (text != null && !text.isBlank()) {
                service.explain(id, line.key(), text);
            }
            if (reforecast != null) {
                service.propose(id, line.key(), reforecast, note);
            }
            if ((text == null || text.isBlank()) && reforecast == null) {
                throw new IllegalArgumentException("Write an explanation or propose a reforecast");
            }
        })).open();
    }

    private void decide(Proposal p, boolean accept) {
        String problem = attempt(() -> service.decide(p.id(), accept, null));
        if (problem != null) {
            Notification.show(problem, 8000, Notification.Position.MIDDLE);
        }
    }
}
