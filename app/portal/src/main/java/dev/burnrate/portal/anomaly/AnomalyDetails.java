package dev.burnrate.portal.anomaly;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.burnrate.portal.base.chart.EChart;
import dev.burnrate.portal.budget.Money;
import java.util.function.Consumer;

/** One anomaly: what was expected, what happened, the root causes as a chart, and the status buttons. */
class AnomalyDetails extends VerticalLayout {

    private final AnomalyService service;
    private final Consumer<StoredAnomaly> onChanged;
    private final H3 title = new H3();
    private final Paragraph summary = new Paragraph();
    private final Paragraph feedback = new Paragraph();
    private final EChart causes = new EChart();
    private final TextField note = new TextField("Note (why)");
    private StoredAnomaly anomaly;

    AnomalyDetails(AnomalyService service, Consumer<StoredAnomaly> onChanged) {
        this.service = service;
        this.onChanged = onChanged;
        setId("anomaly-details");
        setPadding(false);
        causes.setId("anomaly-causes");
        causes.setHeight("220px");
        note.setWidth("28em");
        note.setMaxLength(1000);
        HorizontalLayout actions = new HorizontalLayout(
                button("Acknowledge", AnomalyStatus.ACKNOWLEDGED),
                button("Expected / planned", AnomalyStatus.EXPECTED),
                button("False alarm", AnomalyStatus.FALSE_ALARM),
                button("Reopen", AnomalyStatus.NEW));
        actions.setAlignItems(Alignment.BASELINE);
        add(title, summary, causes, feedback, new HorizontalLayout(note), actions);
        setVisible(false);
    }

    void show(StoredAnomaly selected) {
        this.anomaly = selected;
        setVisible(selected != null);
        if (selected == null) {
            return;
        }
        title.setText(selected.seriesLabel() + " · " + AnomaliesView.period(selected));
        String percent = selected.impactPercent() == null ? "" : " (+" + selected.impactPercent() + "%)";
        summary.setText("Expected " + Money.of(selected.expected().doubleValue(), selected.currency())
                + ", actual " + Money.of(selected.actual().doubleValue(), selected.currency()) + ": "
                + Money.of(selected.impact().doubleValue(), selected.currency()) + " more than expected" + percent
                + ". Monitor " + selected.monitor() + ", team " + selected.team() + ".");
        causes.setVisible(!selected.causes().isEmpty());
        causes.setOption(AnomalyCharts.rootCauses(selected));
        feedback.setText(selected.fromFeedback()
                ? "Status taken from earlier feedback on the same cause; no one was alerted."
                : selected.statusBy() == null ? "" : selected.status().label() + " by " + selected.statusBy()
                + (selected.statusNote() == null ? "" : ": " + selected.statusNote()));
        note.setValue(selected.statusNote() == null ? "" : selected.statusNote());
    }

    private Button button(String text, AnomalyStatus status) {
        Button button = new Button(text, e -> {
            StoredAnomaly changed = service.setStatus(anomaly.id(), status, note.getValue());
            Notification.show(status.isFeedback()
                    ? status.label() + ": kept, so the same cause will not alert again"
                    : "Marked " + status.label().toLowerCase(), 4000, Notification.Position.BOTTOM_START);
            show(changed);
            onChanged.accept(changed);
        });
        button.setId("anomaly-" + status.name().toLowerCase().replace('_', '-'));
        return button;
    }
}
