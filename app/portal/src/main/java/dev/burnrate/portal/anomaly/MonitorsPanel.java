package dev.burnrate.portal.anomaly;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.Map;

/** The monitors of the user's teams; ADMIN, FINANCE and a team's approvers add them and change thresholds. */
class MonitorsPanel extends VerticalLayout {

    private final AnomalyService service;
    private final Grid<Monitor> grid = new Grid<>(Monitor.class, false);

    MonitorsPanel(AnomalyService service) {
        this.service = service;
        setPadding(false);
        grid.setId("monitors-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(Monitor::team).setHeader("Team").setAutoWidth(true);
        grid.addColumn(Monitor::name).setHeader("Monitor").setFlexGrow(1);
        grid.addColumn(m -> m.minImpact().stripTrailingZeros().toPlainString()).setHeader("Minimum impact")
                .setAutoWidth(true);
        grid.addColumn(m -> m.minImpactPercent().stripTrailingZeros().toPlainString() + "%")
                .setHeader("Minimum %").setAutoWidth(true);
        grid.addColumn(m -> m.enabled() ? "on" : "off").setHeader("Enabled").setAutoWidth(true);
        add(new H3("Monitors"), grid);
        Map<Long, String> teams = service.monitorTeams();
        if (!teams.isEmpty()) {
            add(form(teams));
        }
        refresh();
    }

    private HorizontalLayout form(Map<Long, String> teams) {
        ComboBox<Long> team = new ComboBox<>("Team", teams.keySet());
        team.setItemLabelGenerator(teams::get);
        team.setId("monitor-team");
        TextField name = new TextField("Name", "Daily spend", "");
        name.setId("monitor-name");
        BigDecimalField minImpact = new BigDecimalField("Minimum impact");
        minImpact.setValue(new BigDecimal("100"));
        minImpact.setId("monitor-min-impact");
        BigDecimalField minPercent = new BigDecimalField("Minimum %");
        minPercent.setValue(new BigDecimal("20"));
        minPercent.setId("monitor-min-percent");
        Checkbox enabled = new Checkbox("Enabled", true);
        Button save = new Button("Save monitor", e -> {
            try {
                Monitor existing = grid.asSingleSelect().getValue();
                if (existing != null) {
                    service.updateMonitor(existing.id(), minImpact.getValue(), minPercent.getValue(),
                            enabled.getValue());
                } else {
                    if (team.getValue() == null) {
                        throw new IllegalArgumentException("Choose the team the monitor watches");
                    }
                    service.createMonitor(team.getValue(), name.getValue(), minImpact.getValue(),
                            minPercent.getValue());
                }
                Notification.show("Monitor saved", 3000, Notification.Position.BOTTOM_START);
                grid.deselectAll();
                refresh();
            } catch (IllegalArgumentException ex) {
                Notification.show(ex.getMessage(), 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.setId("monitor-save");
        grid.asSingleSelect().addValueChangeListener(e -> {
            Monitor m = e.getValue();
            team.setEnabled(m == null);
            name.setEnabled(m == null);
            if (m != null) {
                team.setValue(m.teamId());
                name.setValue(m.name());
                minImpact.setValue(m.minImpact());
                minPercent.setValue(m.minImpactPercent());
                enabled.setValue(m.enabled());
            }
        });
        HorizontalLayout form = new HorizontalLayout(team, name, minImpact, minPercent, enabled, save);
        form.setAlignItems(Alignment.BASELINE);
        return form;
    }

    private void refresh() {
        grid.setItems(service.monitors());
    }
}
