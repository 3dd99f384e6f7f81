package dev.burnrate.portal.provisioning;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import dev.burnrate.engine.policy.budget.BudgetCheck;
import dev.burnrate.portal.budget.Money;
import java.util.Map;

/** One request in the approval queue: what, who, cost, why it needs approval, budget status, and the verdict. */
public class ApprovalCard extends Div {

    /** The approver's verdict. */
    public static class VerdictEvent extends ComponentEvent<ApprovalCard> {
        private final String requestId;
        private final boolean approve;
        private final String comment;

        VerdictEvent(ApprovalCard source, String requestId, boolean approve, String comment) {
            super(source, false);
            this.requestId = requestId;
            this.approve = approve;
            this.comment = comment;
        }

        public String requestId() {
            return requestId;
        }

        public boolean approve() {
            return approve;
        }

        public String comment() {
            return comment;
        }
    }

    public ApprovalCard(PendingApproval pending) {
        StoredRequest r = pending.request();
        addClassName("approval-card");
        addClassName("figure-card");
        setId("approval-" + r.id());
        add(new H3(r.name() + " · " + r.team()));
        add(new Paragraph(r.requestedBy() + " asks for " + r.describe() + ", " + r.purchaseOption() + ", "
                + (r.durationHours() == null ? "until stopped" : r.durationHours() + " h") + ", data "
                + (r.dataClassification() == null ? "unclassified" : r.dataClassification()) + "."));
        add(new Paragraph("Estimate: " + Money.perHour(r.hourlyCost(), r.estimateCurrency()) + ", expected "
                + Money.of(r.expectedTotal(), r.estimateCurrency()) + ", P90 "
                + Money.of(r.p90Total(), r.estimateCurrency()) + " (" + r.estimateSource() + ")."));
        UnorderedList reasons = new UnorderedList();
        reasons.addClassName("approval-reasons");
        if (pending.decision() != null) {
            for (Map<String, Object> v : pending.decision().violations()) {
                reasons.add(new ListItem(OutcomeBadge.of(String.valueOf(v.get("outcome"))),
                        new Span(" " + reason(v))));
            }
        }
        add(reasons);
        for (BudgetCheck check : pending.budgets()) {
            String currency = check.key().currency();
            Paragraph budget = new Paragraph("Budget " + check.key().budgetId() + " (" + check.key().describeScope()
                    + ", " + check.periodLabel() + ") today: " + Money.of(check.total(), currency) + " of "
                    + Money.of(check.amount(), currency) + " actual and committed incl. this request ("
                    + Money.percent(check.percent()) + "), projected at period end "
                    + Money.of(check.projected(), currency) + " (" + Money.percent(check.projectedPercent()) + ")");
            budget.addClassName("approval-budget");
            add(budget);
        }
        add(new Paragraph("You decide as " + pending.actingRole() + "."
                + (pending.approvals().isEmpty() ? "" : " Already: " + String.join(", ", pending.approvals().stream()
                .map(a -> a.role() + " " + (a.approved() ? "approved" : "rejected") + " by " + a.decidedBy())
                .toList()) + ".")));
        TextField comment = new TextField("Comment");
        comment.setId("comment-" + r.id());
        comment.setWidth("28em");
        Button approve = new Button("Approve", e -> fireEvent(new VerdictEvent(this, r.id(), true, comment.getValue())));
        approve.setId("approve-" + r.id());
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        approve.setDisableOnClick(true);
        Button reject = new Button("Reject", e -> fireEvent(new VerdictEvent(this, r.id(), false, comment.getValue())));
        reject.setId("reject-" + r.id());
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout actions = new HorizontalLayout(comment, approve, reject);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(actions);
    }

    /**
     * A reason as the decision at submit gave it, except a budget's: its figures were those of that moment, and the
     * card shows the budget's figures of today once, below, so it names the threshold crossed and no figures.
     */
    static String reason(Map<String, Object> violation) {
        String code = String.valueOf(violation.get("code"));
        if (code.startsWith("budget-") && violation.get("evidence") instanceof Map<?, ?> e && e.get("budget") != null) {
            String budget = "Budget " + e.get("budget") + " (" + e.get("scope") + ", " + e.get("period") + ")";
            if (e.get("threshold") == null) {
                return budget + " could not count this request's cost when it was submitted ("
                        + e.get("not_counted") + "); approval by finance is required. Today's figures are below.";
            }
            return budget + " was past its " + e.get("threshold") + " threshold (" + e.get("threshold_action")
                    + ") with this request when it was submitted. Today's figures are below.";
        }
        return String.valueOf(violation.get("message"));
    }

    public Registration addVerdictListener(ComponentEventListener<VerdictEvent> listener) {
        return addListener(VerdictEvent.class, listener);
    }
}
