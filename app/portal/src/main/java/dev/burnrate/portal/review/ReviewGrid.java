package dev.burnrate.portal.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.function.Consumer;

/** The review's lines: figures, status, sparkline, the latest explanation, and the row actions. */
class ReviewGrid extends Grid<ReviewLine> {

    private ReviewSheet sheet;

    ReviewGrid(Consumer<ReviewLine> drill, Consumer<ReviewLine> explain) {
        super(ReviewLine.class, false);
        setId("review-grid");
        addComponentColumn(ReviewGrid::label).setHeader("Line").setAutoWidth(true).setFlexGrow(1).setKey("line");
        addColumn(l -> Figures.money(l.plan(), l.currency())).setHeader("Plan").setAutoWidth(true).setKey("plan");
        addColumn(l -> Figures.money(l.actual(), l.currency())).setHeader("Actual").setAutoWidth(true)
                .setKey("actual");
        addComponentColumn(ReviewGrid::forecast).setHeader("Forecast at period end (P10–P90)").setAutoWidth(true)
                .setKey("forecast");
        addColumn(l -> Figures.money(l.variance(), l.currency())).setHeader("Variance").setAutoWidth(true)
                .setKey("variance");
        addColumn(l -> Figures.percent(l.variancePercent())).setHeader("Variance %").setAutoWidth(true)
                .setKey("variance-percent");
        addComponentColumn(ReviewGrid::status).setHeader("Status").setAutoWidth(true).setKey("status");
        addComponentColumn(l -> new Html(Figures.sparkline(l.daily()))).setHeader("Daily spend").setAutoWidth(true);
        addColumn(this::latestExplanation).setHeader("Explanation").setAutoWidth(true).setKey("explanation");
        // Frozen, so the row actions stay in view however wide the figures make the grid.
        addComponentColumn(l -> actions(l, drill, explain)).setHeader("").setAutoWidth(true).setFrozenToEnd(true);
        setAllRowsVisible(true);
    }

    void show(ReviewSheet sheet) {
        this.sheet = sheet;
        setItems(sheet.lines());
    }

    /** A line key as an element id, e.g. {@code budget-vision} for {@code budget:vision}. */
    static String domId(String key) {
        return key.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static Component label(ReviewLine l) {
        Span label = new Span(l.label());
        if (l.parentKey() != null) {
            label.getStyle().set("padding-left", "var(--lumo-space-l)");
        }
        if (l.kind() == LineKind.TOTAL) {
            label.getStyle().set("font-weight", "600");
        }
        label.setTitle(l.metric().column() + ", " + l.currency());
        return label;
    }

    private static Component forecast(ReviewLine l) {
        Span p50 = new Span(Figures.money(l.p50(), l.currency()));
        Span band = new Span(Figures.money(l.p10(), l.currency()) + " – " + Figures.money(l.p90(), l.currency()));
        band.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        Div cell = new Div(p50, band);
        cell.getStyle().set("display", "flex").set("flex-direction", "column");
        cell.setTitle("Forecast model: " + l.forecastModel());
        return cell;
    }

    private static Component status(ReviewLine l) {
        if (!l.isBudget()) {
            return new Span();
        }
        Span badge = new Span(l.status() == null ? "no plan" : l.status().label());
        badge.getElement().getThemeList().add("badge");
        if (l.status() == LineStatus.OVER) {
            badge.getElement().getThemeList().add("error");
        } else if (l.status() == LineStatus.AT_RISK) {
            badge.getElement().getThemeList().add("warning");
        } else if (l.status() == LineStatus.ON_TRACK) {
            badge.getElement().getThemeList().add("success");
        }
        return badge;
    }

    /** The newest explanation, and the newest reforecast with finance's decision. */
    private String latestExplanation(ReviewLine l) {
        if (sheet == null) {
            return "";
        }
        var versions = sheet.explanationsOf(l.key());
        String text = versions.isEmpty() ? "" : versions.getLast().text() + " (" + versions.getLast().author()
                + ", v" + versions.getLast().version() + ")";
        var proposals = sheet.proposalsOf(l.key());
        if (!proposals.isEmpty()) {
            Proposal p = proposals.getLast();
            text += (text.isEmpty() ? "" : "; ") + "reforecast " + Figures.money(p.amount(), p.currency()) + " "
                    + p.decision().name().toLowerCase();
        }
        return text;
    }

    private Component actions(ReviewLine l, Consumer<ReviewLine> drill, Consumer<ReviewLine> explain) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (l.kind() != LineKind.OVERLAP) {
            Button drillButton = new Button("Drill down", e -> drill.accept(l));
            drillButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            drillButton.addClassName("review-drill");
            drillButton.setId("drill-" + domId(l.key()));
            actions.add(drillButton);
        }
        if (sheet != null && sheet.explainable().contains(l.key())) {
            Button explainButton = new Button("Explain", e -> explain.accept(l));
            explainButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            explainButton.addClassName("review-explain");
            explainButton.setId("explain-" + domId(l.key()));
            actions.add(explainButton);
        }
        return actions;
    }
}
