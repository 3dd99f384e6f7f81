package dev.burnrate.portal.simulation;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.stream.Collectors;

/** The last runs of two scenarios side by side: headline, recommendations and their three cheapest options. */
class RunComparisonDialog extends Dialog {

    RunComparisonDialog(ScenarioSummary left, RunResults leftRun, ScenarioSummary right, RunResults rightRun) {
        setHeaderTitle("Compare scenarios");
        setWidth("min(1100px, 95vw)");
        HorizontalLayout columns = new HorizontalLayout(column(left, leftRun), column(right, rightRun));
        columns.setWidthFull();
        columns.setId("comparison");
        add(columns);
        getFooter().add(new Button("Close", e -> close()));
    }

    private static VerticalLayout column(ScenarioSummary scenario, RunResults run) {
        VerticalLayout column = new VerticalLayout(new H4(scenario.name() + " (" + scenario.teamName() + ")"));
        column.setWidth("50%");
        RunResults.Recommended headline = run.headline();
        column.add(new Paragraph("Headline: " + (headline == null ? "none" : headline.label() + " at "
                + ComparisonGrid.usd(headline.expectedCost()))));
        if (run.trainingRecommendation() != null) {
            column.add(new Paragraph("Training: " + run.trainingRecommendation().label() + ", expected "
                    + ComparisonGrid.usd(run.trainingRecommendation().expectedCost()) + ", P90 "
                    + ComparisonGrid.usd(run.trainingRecommendation().p90Cost())));
            column.add(cheapest(run.training()));
        }
        if (run.inferenceRecommendation() != null) {
            column.add(new Paragraph("Inference: " + run.inferenceRecommendation().label() + ", "
                    + ComparisonGrid.usd(run.inferenceRecommendation().expectedCost())));
            column.add(cheapest(run.inference()));
        }
        column.add(new Paragraph("Backends: " + run.backends().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))));
        return column;
    }

    private static UnorderedList cheapest(List<RunResults.Row> rows) {
        UnorderedList list = new UnorderedList();
        rows.stream().sorted((a, b) -> Double.compare(a.expectedCost(), b.expectedCost())).limit(3)
                .forEach(r -> list.add(new ListItem(r.label() + ": " + ComparisonGrid.usd(r.expectedCost()))));
        return list;
    }
}
