package dev.burnrate.portal.simulation;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The team's saved scenarios: load their inputs, re-run them, compare the last runs of two. */
class SavedScenarios extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Grid<ScenarioSummary> grid = new Grid<>();
    private final Button load = new Button("Load inputs");
    private final Button rerun = new Button("Re-run");
    private final Button compare = new Button("Compare last runs");

    /** Something to do with scenarios; {@code scenarios} holds the selection. */
    static class ScenarioEvent extends ComponentEvent<SavedScenarios> {
        private final List<ScenarioSummary> scenarios;

        ScenarioEvent(SavedScenarios source, List<ScenarioSummary> scenarios) {
            super(source, false);
            this.scenarios = scenarios;
        }

        List<ScenarioSummary> scenarios() {
            return scenarios;
        }
    }

    static class LoadEvent extends ScenarioEvent {
        LoadEvent(SavedScenarios source, List<ScenarioSummary> scenarios) {
            super(source, scenarios);
        }
    }

    static class RerunEvent extends ScenarioEvent {
        RerunEvent(SavedScenarios source, List<ScenarioSummary> scenarios) {
            super(source, scenarios);
        }
    }

    static class CompareEvent extends ScenarioEvent {
        CompareEvent(SavedScenarios source, List<ScenarioSummary> scenarios) {
            super(source, scenarios);
        }
    }

    SavedScenarios() {
        setPadding(false);
        grid.setId("scenarios-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.setHeight("300px");
        grid.addColumn(ScenarioSummary::name).setHeader("Scenario").setAutoWidth(true);
        grid.addColumn(ScenarioSummary::teamName).setHeader("Team").setAutoWidth(true);
        grid.addColumn(s -> s.kind().toLowerCase()).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(ScenarioSummary::runs).setHeader("Runs").setAutoWidth(true);
        grid.addColumn(s -> s.lastRunAt() == null ? "" : WHEN.format(s.lastRunAt())).setHeader("Last run")
                .setAutoWidth(true);
        grid.addColumn(ScenarioSummary::lastRecommended).setHeader("Recommended").setFlexGrow(2);
        grid.addColumn(s -> s.lastCost() == null ? "" : ComparisonGrid.usd(s.lastCost())).setHeader("Cost")
                .setAutoWidth(true);
        grid.addColumn(ScenarioSummary::lastBackends).setHeader("Backends").setFlexGrow(1);
        load.setId("load-scenario");
        rerun.setId("rerun-scenario");
        compare.setId("compare-scenarios");
        grid.addSelectionListener(e -> updateButtons());
        load.addClickListener(e -> fireEvent(new LoadEvent(this, selected())));
        rerun.addClickListener(e -> fireEvent(new RerunEvent(this, selected())));
        compare.addClickListener(e -> fireEvent(new CompareEvent(this, selected())));
        add(new H3("Saved scenarios"), new HorizontalLayout(load, rerun, compare), grid);
        updateButtons();
    }

    void show(List<ScenarioSummary> scenarios) {
        grid.setItems(scenarios);
        updateButtons();
    }

    private List<ScenarioSummary> selected() {
        return List.copyOf(grid.getSelectedItems());
    }

    private void updateButtons() {
        int count = grid.getSelectedItems().size();
        load.setEnabled(count == 1);
        rerun.setEnabled(count == 1);
        compare.setEnabled(count == 2);
    }

    Registration addLoadListener(ComponentEventListener<LoadEvent> listener) {
        return addListener(LoadEvent.class, listener);
    }

    Registration addRerunListener(ComponentEventListener<RerunEvent> listener) {
        return addListener(RerunEvent.class, listener);
    }

    Registration addCompareListener(ComponentEventListener<CompareEvent> listener) {
        return addListener(CompareEvent.class, listener);
    }
}
