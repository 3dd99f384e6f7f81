package dev.burnrate.portal.simulation;

import com.vaadin.flow.component.details.Details;
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
import dev.burnrate.engine.simulation.TrainingReport;
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
        add(new Paragraph(String.format("%d offerings match the filter. Kernels ran on: %s.", outcome.candidates(),
                outcome.backends().entrySet().stream().map(e -> e.getKey() + " → " + e.getValue())
                        .collect(Collectors.joining(", ")))));
        if (!outcome.hybrid().isEmpty()) {
            add(new H3("Train and serve: side by side"), hybridGrid(outcome));
        }
        if (outcome.training() != null) {
            var report = outcome.training();
            add(new H3("Training"));
            add(trainingCoverage(report, outcome.inputs().candidates().maxSimulated()));
            add(recommendation("training-recommendation", report.recommendation()));
            ComparisonGrid grid = new ComparisonGrid("training-grid", true);
            grid.show(report.rows());
            add(grid);
            if (!report.rows().isEmpty()) {
                add(chart("cost-distribution-chart", SimulationCharts.costDistribution(report.rows())));
                add(chart("cost-time-chart",
                        SimulationCharts.costVersusTime(report.rows(), report.workload().deadlineHours())));
            }
            skipped("training-infeasible", "Cannot run this job", report.skipped());
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
            skipped("inference-infeasible", "Cannot serve this model", report.skipped());
        }
    }

    /** How many offerings were simulated, how many cannot run the job, and how many a limit left out. */
    private static Paragraph trainingCoverage(TrainingReport report, int limit) {
        long simulated = report.rows().stream().map(r -> r.offering().key()).distinct().count();
        String text = String.format("%d offerings simulated; %d cannot run this job (listed below).", simulated,
                report.skipped().size());
        if (!report.notSimulated().isEmpty()) {
            text += String.format(" %d more feasible offerings not simulated (the limit is the %d cheapest); widen"
                    + " \"Simulate at most\" to include them.", report.notSimulated().size(), limit);
        }
        Paragraph paragraph = new Paragraph(text);
        paragraph.setId("training-coverage");
        return paragraph;
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
            card.add(new Span("Nothing to recommend: no option can run this workload within its limits (see why for"
                    + " each offering below and in the grid's last column); relax the deadline, add accelerators or"
                    + " widen the filter."));
            return card;
        }
        Span choice = new Span("Recommended: " + recommendation.choice().label());
        choice.addClassName("recommendation-choice");
        UnorderedList reasons = new UnorderedList();
        recommendation.reasons().forEach(r -> reasons.add(new ListItem(r)));
        card.add(choice, reasons);
        return card;
    }

    private void skipped(String id, String title, java.util.Map<String, String> skipped) {
        if (!skipped.isEmpty()) {
            Paragraph reasons = new Paragraph(skipped.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining("; ")));
            Details details = new Details(
                    title + ": " + skipped.size() + " offerings, each with the reason", reasons);
            details.setId(id);
            details.setOpened(skipped.size() <= 10);
            add(details);
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
