package dev.burnrate.portal.policy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.burnrate.portal.provisioning.OutcomeBadge;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.PermitAll;

/**
 * Policies: the list, the YAML (ADMIN edits, with validation messages by line), a dry run against a request or the
 * running inventory, and the history of versions and decisions.
 */
@Route("policies")
@PageTitle("Policies · Burnrate")
@Menu(order = 40, title = "Policies", icon = "vaadin:shield")
@PermitAll
public class PoliciesView extends VerticalLayout {

    private final PolicyService service;
    private final Grid<StoredPolicy> grid = new Grid<>(StoredPolicy.class, false);
    private final PolicyEditor editor;
    private final PolicyHistory history;
    private final DryRunPanel dryRun;

    public PoliciesView(PolicyService service, CurrentUser currentUser) {
        this.service = service;
        boolean admin = currentUser.hasRole(Role.ADMIN);
        this.editor = new PolicyEditor(admin);
        this.history = new PolicyHistory(service);
        this.dryRun = admin ? new DryRunPanel(service, editor::yaml) : null;
        addClassName("policies-view");
        setWidthFull();
        grid.setId("policies-grid");
        grid.addColumn(StoredPolicy::id).setHeader("Id").setAutoWidth(true);
        grid.addColumn(StoredPolicy::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(StoredPolicy::scope).setHeader("Scope").setAutoWidth(true);
        grid.addColumn(StoredPolicy::mode).setHeader("Mode").setAutoWidth(true);
        grid.addColumn(p -> "v" + p.version()).setHeader("Version").setAutoWidth(true);
        grid.addComponentColumn(p -> OutcomeBadge.of(p.enabled() ? "ENABLED" : "DISABLED")).setHeader("State")
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));
        add(new H2("Policies"));
        if (admin) {
            Button create = new Button("New policy", VaadinIcon.PLUS.create(), e -> {
                grid.deselectAll();
                select(null);
            });
            create.setId("new-policy");
            add(create);
        }
        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add("YAML", editor);
        if (dryRun != null) {
            tabs.add("Dry run", dryRun);
            dryRun.refreshSubjects();
        }
        tabs.add("Versions", history.versionsTab());
        tabs.add("Decisions", history.decisionsTab());
        tabs.add("Rule types", new RuleReference(service.ruleTypes(), service.ruleTypeProblems()));
        add(grid, tabs);
        editor.addValidateListener(e -> {
            var errors = service.validate(editor.yaml());
            if (errors.isEmpty()) {
                editor.showValid();
            } else {
                editor.showErrors(errors);
            }
        });
        editor.addSaveListener(this::save);
        editor.addEnabledListener(e -> {
            service.setEnabled(editor.policyId(), e.enabled());
            refresh(editor.policyId());
        });
        refresh(null);
    }

    private void select(StoredPolicy policy) {
        editor.edit(policy);
        history.show(policy == null ? null : policy.id());
    }

    private void save(PolicyEditor.SaveEvent event) {
        try {
            StoredPolicy saved = service.save(event.policyId(), event.yaml(), event.comment());
            Notification.show("Saved " + saved.id() + " v" + saved.version(), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh(saved.id());
        } catch (PolicyValidationFailed invalid) {
            editor.showErrors(invalid.errors());
        }
    }

    private void refresh(String selectId) {
        var policies = service.list();
        grid.setItems(policies);
        String wanted = selectId != null ? selectId : policies.isEmpty() ? null : policies.getFirst().id();
        policies.stream().filter(p -> p.id().equals(wanted)).findFirst().ifPresentOrElse(grid::select,
                () -> select(null));
    }
}
