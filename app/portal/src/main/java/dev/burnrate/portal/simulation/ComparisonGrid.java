package dev.burnrate.portal.simulation;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.renderer.TextRenderer;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.engine.simulation.ComparisonRow;
import dev.burnrate.engine.simulation.CostWording;
import java.util.List;
import java.util.Locale;

/**
 * One row per offering x purchase option with its cost and time figures (expected value, P50 and P90 side by
 * side) and whether it may be recommended; hovering a cost shows the catalog row and hardware spec it comes from,
 * and the notes with the same source show on click.
 */
class ComparisonGrid extends Grid<ComparisonRow> {

    ComparisonGrid(String id, boolean training) {
        super(ComparisonRow.class, false);
        setId(id);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setAllRowsVisible(false);
        setHeight("420px");
        addColumn(r -> r.offering().providerId() + " " + r.offering().regionId()).setHeader("Provider / region")
                .setAutoWidth(true);
        addColumn(r -> r.offering().instanceType() + (r.instances() > 1 ? " x" + r.instances() : ""))
                .setHeader("Instances").setAutoWidth(true);
        addColumn(ComparisonRow::hardware).setHeader("Hardware").setAutoWidth(true);
        addColumn(r -> r.isAccelerated() ? r.kind().name() : "CPU").setHeader("GPU/CPU").setAutoWidth(true);
        addColumn(ComparisonGrid::option).setHeader("Purchase")
                .setAutoWidth(true);
        money(addColumn(new TextRenderer<>(r -> usd(r.expectedCost()))).setHeader("Expected cost")
                .setComparator(ComparisonRow::expectedCost)).setTooltipGenerator(ComparisonRow::provenance);
        money(addColumn(new TextRenderer<>(r -> usd(r.cost().p50()))).setHeader("P50 cost")
                .setComparator(r -> r.cost().p50())).setTooltipGenerator(ComparisonRow::provenance);
        money(addColumn(new TextRenderer<>(r -> usd(r.cost().p90()))).setHeader("P90 cost")
                .setComparator(r -> r.cost().p90())).setTooltipGenerator(ComparisonRow::provenance);
        if (training) {
            money(addColumn(new TextRenderer<>(r -> hours(r.hours().mean()))).setHeader("Expected time")
                    .setComparator(r -> r.hours().mean()));
            money(addColumn(new TextRenderer<>(r -> hours(r.hours().p50()))).setHeader("P50 time")
                    .setComparator(r -> r.hours().p50()));
            money(addColumn(new TextRenderer<>(r -> hours(r.hours().p90()))).setHeader("P90 time")
                    .setComparator(r -> r.hours().p90()));
            money(addColumn(new TextRenderer<>(r -> Double.isNaN(r.meetDeadlineProbability()) ? "–"
                    : String.format(Locale.ROOT, "%.0f%%", 100 * r.meetDeadlineProbability())))
                    .setHeader("P(meet deadline)").setComparator(ComparisonRow::meetDeadlineProbability));
            money(addColumn(new TextRenderer<>(r -> r.option() != PurchaseOption.SPOT ? "–"
                    : String.format(Locale.ROOT, "%.1f (%s of runs)", r.expectedInterruptions(),
                    CostWording.percent(r.interruptedShare()))))
                    .setHeader("Interruptions per run").setComparator(ComparisonRow::expectedInterruptions));
        }
        addColumn(r -> r.isEligible() ? "yes" : "no: " + r.ineligibleReason()).setHeader("May be recommended")
                .setAutoWidth(true).setTooltipGenerator(r -> r.isEligible() ? null : r.ineligibleReason());
        setItemDetailsRenderer(new TextRenderer<>(r -> String.join(" · ", r.notes()) + " · " + r.provenance()));
        setDetailsVisibleOnClick(true);
    }

    void show(List<ComparisonRow> rows) {
        setItems(rows.stream().sorted((a, b) -> Double.compare(a.expectedCost(), b.expectedCost())).toList());
    }

    private static Column<ComparisonRow> money(Column<ComparisonRow> column) {
        return column.setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setSortable(true);
    }

    private static String hours(double value) {
        return String.format(Locale.ROOT, "%,.0f h", value);
    }

    static String usd(double value) {
        return String.format(Locale.ROOT, "$%,.0f", value);
    }

    private static String option(ComparisonRow row) {
        return switch (row.option()) {
            case ON_DEMAND -> "on-demand";
            case SPOT -> "spot";
            case COMMITTED_1Y -> "1-year commitment";
            case COMMITTED_3Y -> "3-year commitment";
        };
    }
}
