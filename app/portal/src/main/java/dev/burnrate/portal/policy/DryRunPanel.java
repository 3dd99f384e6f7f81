package dev.burnrate.portal.policy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import dev.burnrate.portal.provisioning.OutcomeBadge;
import java.util.function.Supplier;

/** Tries the editor's YAML (saved or not) against a stored request or the running inventory. */
public class DryRunPanel extends VerticalLayout {

    private final PolicyService service;
    private final Supplier<String> yaml;
    private final ComboBox<PolicySubjects.SubjectOption> request = new ComboBox<>("Request");
    private final Div outcome = new Div();
    private final Grid<DryRunResult.Finding> findings = new Grid<>(DryRunResult.Finding.class, false);

    public DryRunPanel(PolicyService service, Supplier<String> yaml) {
        this.service = service;
        this.yaml = yaml;
        setPadding(false);
        request.setId("dry-run-request");
        request.setItemLabelGenerator(PolicySubjects.SubjectOption::label);
        // searched in the database as the user types, so every request can be picked, not only the newest
        request.setItems((CallbackDataProvider.FetchCallback<PolicySubjects.SubjectOption, String>) query ->
                service.dryRunSubjects(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        request.setWidth("40em");
        Button onRequest = new Button("Try on request", e -> run(() -> service.dryRunRequest(yaml.get(),
                request.getValue() == null ? "" : request.getValue().id())));
        onRequest.setId("dry-run-request-button");
        Button onInventory = new Button("Try on running inventory and budgets",
                e -> run(() -> service.dryRunInventory(yaml.get())));
        onInventory.setId("dry-run-inventory");
        outcome.setId("dry-run-outcome");
        findings.setId("dry-run-findings");
        findings.addColumn(DryRunResult.Finding::subject).setHeader("Subject").setAutoWidth(true);
        findings.addComponentColumn(f -> OutcomeBadge.of(f.outcome())).setHeader("Outcome").setAutoWidth(true);
        findings.addColumn(DryRunResult.Finding::rule).setHeader("Rule").setAutoWidth(true);
        findings.addColumn(DryRunResult.Finding::message).setHeader("Message").setFlexGrow(1);
        findings.setAllRowsVisible(true);
        HorizontalLayout controls = new HorizontalLayout(request, onRequest, onInventory);
        controls.setAlignItems(Alignment.BASELINE);
        add(controls, outcome, findings);
    }

    public void refreshSubjects() {
        request.getLazyDataView().refreshAll();
    }

    private void run(Supplier<DryRunResult> dryRun) {
        outcome.removeAll();
        try {
            DryRunResult result = dryRun.get();
            outcome.add(OutcomeBadge.of(result.outcome()),
                    new Paragraph(result.findings().isEmpty() ? "Nothing to report." : result.findings().size()
                            + " finding(s)."));
            findings.setItems(result.findings());
        } catch (PolicyValidationFailed invalid) {
            outcome.add(new Paragraph("Cannot run: " + invalid.getMessage()));
            findings.setItems();
        }
    }
}
