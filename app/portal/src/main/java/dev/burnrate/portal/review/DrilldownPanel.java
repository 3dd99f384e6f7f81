package dev.burnrate.portal.review;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.burnrate.portal.base.chart.EChart;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What drove a line: movers against the previous period (chart and table), resources, anomalies, commitments. */
class DrilldownPanel extends VerticalLayout {

    DrilldownPanel() {
        setId("review-drilldown");
        setPadding(false);
        setVisible(false);
    }

    void show(Drilldown d) {
        removeAll();
        setVisible(true);
        String cur = d.currency();
        add(new H3("What drove " + d.lineLabel() + ": " + d.period().label() + " against " + d.previous().label()),
                new Paragraph(d.note()));
        EChart chart = new EChart();
        chart.setId("drilldown-chart");
        chart.setHeight("300px");
        chart.setOption(moversChart(d.movers(), cur));
        add(chart);
        Grid<Drilldown.Mover> movers = moverGrid(cur, true);
        movers.setId("drilldown-movers");
        movers.setItems(d.movers());
        add(new H4("Top movers by service, billing account, region, resource and project"), movers);
        Grid<Drilldown.Mover> added = moverGrid(cur, false);
        added.setItems(d.newResources());
        added.setId("drilldown-new");
        Grid<Drilldown.Mover> removed = moverGrid(cur, false);
        removed.setItems(d.removedResources());
        removed.setId("drilldown-removed");
        add(new H4("New resources (no spend in " + d.previous().label() + ")"), added,
                new H4("Removed resources (no spend in " + d.period().label() + ")"), removed);
        Grid<Drilldown.PeriodAnomaly> anomalies = new Grid<>(Drilldown.PeriodAnomaly.class, false);
        anomalies.setId("drilldown-anomalies");
        anomalies.addColumn(a -> a.start().toString().substring(0, 16).replace('T', ' ')).setHeader("From")
                .setAutoWidth(true);
        anomalies.addColumn(Drilldown.PeriodAnomaly::series).setHeader("Series").setAutoWidth(true);
        anomalies.addColumn(a -> Figures.money(a.expected(), a.currency())).setHeader("Expected").setAutoWidth(true);
        anomalies.addColumn(a -> Figures.money(a.actual(), a.currency())).setHeader("Actual").setAutoWidth(true);
        anomalies.addColumn(Drilldown.PeriodAnomaly::status).setHeader("Status").setAutoWidth(true);
        anomalies.setItems(d.anomalies());
        anomalies.setAllRowsVisible(true);
        Grid<Drilldown.CommittedRequest> committed = new Grid<>(Drilldown.CommittedRequest.class, false);
        committed.setId("drilldown-committed");
        committed.addColumn(Drilldown.CommittedRequest::name).setHeader("Request").setAutoWidth(true);
        committed.addColumn(Drilldown.CommittedRequest::team).setHeader("Team").setAutoWidth(true);
        committed.addColumn(Drilldown.CommittedRequest::state).setHeader("State").setAutoWidth(true);
        committed.addColumn(r -> Figures.money(r.plannedCost(), r.currency())).setHeader("Planned cost")
                .setAutoWidth(true);
        committed.addColumn(Drilldown.CommittedRequest::requestedBy).setHeader("Requested by").setAutoWidth(true);
        committed.setItems(d.committed());
        committed.setAllRowsVisible(true);
        add(new H4("Anomalies in the period"), anomalies,
                new H4("Committed through Burnrate (requests approved in the period)"), committed);
    }

    private static Grid<Drilldown.Mover> moverGrid(String currency, boolean withDimension) {
        Grid<Drilldown.Mover> grid = new Grid<>(Drilldown.Mover.class, false);
        if (withDimension) {
            grid.addColumn(Drilldown.Mover::dimension).setHeader("By").setAutoWidth(true);
        }
        grid.addColumn(Drilldown.Mover::value).setHeader("Value").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(m -> Figures.money(m.previous(), currency)).setHeader("Previous period").setAutoWidth(true);
        grid.addColumn(m -> Figures.money(m.current(), currency)).setHeader("This period").setAutoWidth(true);
        grid.addColumn(m -> Figures.money(m.change(), currency)).setHeader("Change").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        return grid;
    }

    /** Horizontal bars of each top mover's change, largest first. */
    static Map<String, Object> moversChart(List<Drilldown.Mover> movers, String currency) {
        List<Drilldown.Mover> shown = movers.reversed();
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis", "axisPointer", Map.of("type", "shadow")));
        option.put("grid", Map.of("left", 280, "right", 40, "top", 10, "bottom", 30));
        option.put("xAxis", Map.of("type", "value", "name", currency));
        option.put("yAxis", Map.of("type", "category",
                "data", shown.stream().map(m -> m.dimension() + ": " + m.value()).toList()));
        option.put("series", List.of(Map.of("type", "bar", "name", "Change",
                "data", shown.stream().map(m -> m.change().setScale(2, java.math.RoundingMode.HALF_EVEN))
                        .map(BigDecimal::doubleValue).toList())));
        return option;
    }
}
