package dev.burnrate.portal.policy;

import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.burnrate.portal.provisioning.OutcomeBadge;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A policy's saved versions and the decisions it took part in. */
public class PolicyHistory {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final PolicyService service;
    private final Grid<PolicyVersionSummary> versions = new Grid<>(PolicyVersionSummary.class, false);
    private final Grid<DecisionRecord> decisions = new Grid<>(DecisionRecord.class, false);

    public PolicyHistory(PolicyService service) {
        this.service = service;
        versions.setId("policy-versions");
        versions.addColumn(PolicyVersionSummary::version).setHeader("Version").setAutoWidth(true);
        versions.addColumn(v -> TIME.format(v.createdAt())).setHeader("Saved (UTC)").setAutoWidth(true);
        versions.addColumn(PolicyVersionSummary::createdBy).setHeader("By").setAutoWidth(true);
        versions.addColumn(PolicyVersionSummary::mode).setHeader("Mode").setAutoWidth(true);
        versions.addColumn(v -> v.comment() == null ? "" : v.comment()).setHeader("Comment").setFlexGrow(1);
        versions.addItemClickListener(click -> {
            Dialog dialog = new Dialog(new Pre(click.getItem().source()));
            dialog.setHeaderTitle(click.getItem().policyId() + " v" + click.getItem().version());
            dialog.open();
        });
        versions.setAllRowsVisible(true);
        decisions.setId("policy-decisions");
        decisions.addColumn(d -> TIME.format(d.decidedAt())).setHeader("Time (UTC)").setAutoWidth(true);
        decisions.addColumn(d -> d.kind().name()).setHeader("Kind").setAutoWidth(true);
        decisions.addColumn(DecisionRecord::subject).setHeader("Subject").setAutoWidth(true);
        decisions.addColumn(DecisionRecord::team).setHeader("Team").setAutoWidth(true);
        decisions.addColumn(DecisionRecord::actor).setHeader("By").setAutoWidth(true);
        decisions.addComponentColumn(d -> OutcomeBadge.of(d.outcome())).setHeader("Outcome").setAutoWidth(true);
        decisions.addColumn(DecisionRecord::policies).setHeader("Policies").setAutoWidth(true);
        decisions.addColumn(DecisionRecord::reasons).setHeader("Reasons").setFlexGrow(1);
        decisions.setAllRowsVisible(true);
    }

    public VerticalLayout versionsTab() {
        VerticalLayout tab = new VerticalLayout(versions);
        tab.setPadding(false);
        return tab;
    }

    public VerticalLayout decisionsTab() {
        VerticalLayout tab = new VerticalLayout(decisions);
        tab.setPadding(false);
        return tab;
    }

    public void show(String policyId) {
        versions.setItems(policyId == null ? java.util.List.of() : service.versions(policyId));
        decisions.setItems(policyId == null ? java.util.List.of() : service.decisions(policyId, 0, 100));
    }
}
