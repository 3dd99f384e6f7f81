package dev.burnrate.portal.simulation;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.burnrate.engine.simulation.HybridComparison;
import dev.burnrate.engine.simulation.Recommendation;
import dev.burnrate.portal.base.chart.EChart;
import java.util.stream.Collectors;

/** The results of a run: recommendations with reasons, comparison grids, charts and hybrid plans. */
class ResultsPanel extends VerticalLayout {

    ResultsPanel() {
        setId("simulation-results");
        setPadding(false);
    }

    void show(SimulationOutcome outcome) {
        removeAll();
        add(new Paragraph(String.format("%d candidate offerings%s. Kernels ran on: %s.", outcome.candidates(),
                outcome.capped() ? " (capped: narrow the filter to compare others)" : "",
                outcome.backends().entrySet().stream().map(e -> e.getKey() + " → " + e.getValue())
                        .collect(Collectors.joining(", ")))));
        if (!outcome.hybrid().isEmpty()) {
            add(new H3("Train and serve: side by side"), hybridGrid(outcome));
        }
        if (outcome.training() != null) {
            var report = outcome.training();
            add(new H3("Training"));
            add(recommendation("training-recommendation", report.recommendation()));
            ComparisonGrid grid = new ComparisonGrid("training-grid", true);
            grid.show(report.rows());
            add(grid);
            if (!report.rows().isEmpty()) {
                add(chart("cost-distribution-chart", SimulationCharts.costDistribution(report.rows())));
                add(chart("cost-time-chart",
                        SimulationCharts.costVersusTime(report.rows(), report.workload().deadlineHours())));
            }
            skipped(report.skipped());
        }
        if (outcome.inference() != null) {
            var report = outcome.inference();
            add(new H3("Inference"));
            add(recommendation("inference-recommendation", report.recommendation()));
            ComparisonGrid grid = new ComparisonGrid("inference-grid", false);
            grid.show(report.rows());
            add(grid);
            if (!report.rows().isEmpty()) {
                add(chart("instances-chart", SimulationCharts.instancesPerHour(report)));
            }
            if (report.commitment() != null) {
                add(chart("coverage-chart", SimulationCharts.commitmentCoverage(report.commitment())));
            }
            skipped(report.skipped());
        }
    }

    private Grid<HybridComparison.HybridOption> hybridGrid(SimulationOutcome outcome) {
        Grid<HybridComparison.HybridOption> grid = new Grid<>();
        grid.setId("hybrid-grid");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(HybridComparison.HybridOption::label).setHeader("Plan").setFlexGrow(3);
        grid.addColumn(h -> ComparisonGrid.usd(h.training().expectedCost())).setHeader("Training");
        grid.addColumn(h -> ComparisonGrid.usd(h.serving().expectedCost())).setHeader("Serving");
        grid.addColumn(h -> ComparisonGrid.usd(h.totalCost())).setHeader("Total");
        grid.setItems(outcome.hybrid());
        return grid;
    }

    private Div recommendation(String id, Recommendation recommendation) {
        Div card = new Div();
        card.setId(id);
        card.addClassName("recommendation");
        if (recommendation == null) {
            card.add(new Span("No offering could run this workload; see the reasons below."));
            return card;
        }
        Span choice = new Span("Recommended: " + recommendation.choice().label());
        choice.addClassName("recommendation-choice");
        UnorderedList reasons = new UnorderedList();
        recommendation.reasons().forEach(r -> reasons.add(new ListItem(r)));
        card.add(choice, reasons);
        return card;
    }

    private void skipped(java.util.Map<String, String> skipped) {
        if (!skipped.isEmpty()) {
            add(new Paragraph("Not compared: " + skipped.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue()
                    + ")").collect(Collectors.joining("; "))));
        }
    }

    private static EChart chart(String id, java.util.Map<String, Object> option) {
        EChart chart = new EChart();
        chart.setId(id);
        chart.setHeight("420px");
        chart.setOption(option);
        return chart;
    }
}
