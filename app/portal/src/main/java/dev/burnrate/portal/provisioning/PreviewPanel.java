package dev.burnrate.portal.provisioning;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.burnrate.engine.policy.ApproverRole;
import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.Violation;
import dev.burnrate.engine.policy.budget.BudgetCheck;
import dev.burnrate.portal.budget.Money;
import java.util.List;
import java.util.stream.Collectors;

/** The live estimate and policy preview next to the form. */
public class PreviewPanel extends VerticalLayout {

    private final Div estimate = new Div();
    private final Div outcome = new Div();
    private final UnorderedList reasons = new UnorderedList();
    private final Div budgets = new Div();
    private final Div capacity = new Div();

    public PreviewPanel() {
        addClassName("preview-panel");
        setPadding(false);
        estimate.setId("estimate");
        outcome.setId("preview-outcome");
        reasons.setId("preview-reasons");
        budgets.setId("preview-budgets");
        capacity.setId("preview-capacity");
        capacity.addClassName("preview-capacity");
        add(capacity, new H3("Estimate"), estimate, new H3("Policy preview"), outcome, reasons, budgets);
        incomplete(List.of());
    }

    public void show(Preview preview) {
        Estimate e = preview.estimate();
        capacity.removeAll();
        capacity.setVisible(preview.capacity() != null);
        if (preview.capacity() != null) {
            capacity.add(new Paragraph(preview.capacity()));
        }
        estimate.removeAll();
        estimate.add(figure("Per hour", Money.rate(e.hourlyCost(), e.currency()), "estimate-hourly"),
                figure("Expected total", Money.of(e.expectedTotal(), e.currency()), "estimate-expected"),
                figure("P90 total", Money.of(e.p90Total(), e.currency()), "estimate-p90"),
                figure("Monthly run-rate", Money.of(e.monthlyRunRate(), e.currency()), "estimate-monthly"));
        Paragraph source = new Paragraph("Source: " + e.source());
        source.addClassName("figure-detail");
        estimate.add(source);
        showDecision(preview.decision());
    }

    public void incomplete(List<DraftInvalid.FieldError> errors) {
        capacity.removeAll();
        capacity.setVisible(false);
        estimate.removeAll();
        estimate.add(new Paragraph(errors.isEmpty() ? "Fill in the form to see the estimate."
                : "Complete the form: " + errors.stream().map(DraftInvalid.FieldError::message)
                .collect(Collectors.joining("; "))));
        outcome.removeAll();
        reasons.removeAll();
        budgets.removeAll();
    }

    private void showDecision(Decision decision) {
        outcome.removeAll();
        outcome.add(OutcomeBadge.of(decision.outcome().name()), new Span(" " + explain(decision)));
        reasons.removeAll();
        for (Violation v : decision.violations()) {
            ListItem item = new ListItem(OutcomeBadge.of(v.outcome().name()),
                    new Span(" " + v.policyName() + " (" + v.ruleId() + "): " + v.message()));
            item.addClassName("preview-reason");
            reasons.add(item);
        }
        budgets.removeAll();
        for (BudgetCheck check : decision.budgets()) {
            Paragraph line = new Paragraph(check.key().budgetId() + " · " + check.key().describeScope() + " · "
                    + check.periodLabel() + ": " + Money.of(check.total(), check.key().currency()) + " of "
                    + Money.of(check.amount(), check.key().currency())
                    + " (" + Money.percent(check.percent()) + ") with this request; projected "
                    + Money.percent(check.projectedPercent()));
            line.addClassName("budget-line");
            budgets.add(line);
        }
    }

    private static String explain(Decision decision) {
        return switch (decision.outcome()) {
            case ALLOW -> "Allowed: it will be provisioned when you submit.";
            case WARN -> "Allowed with warnings.";
            case REQUIRE_APPROVAL -> "Needs approval by " + decision.approverRoles().stream()
                    .map(ApproverRole::name).sorted().collect(Collectors.joining(" and ")) + ".";
            case DENY -> "Denied: change the request.";
        };
    }

    private static Div figure(String label, String value, String id) {
        Div card = new Div();
        card.addClassName("figure-card");
        Span l = new Span(label);
        l.addClassName("figure-label");
        Span v = new Span(value);
        v.addClassName("figure-value");
        v.setId(id);
        card.add(l, v);
        return card;
    }
}
