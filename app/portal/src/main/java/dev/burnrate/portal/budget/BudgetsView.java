package dev.burnrate.portal.budget;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Budgets: each budget rule's accounts with actual, committed and projected spend against the amount. */
@Route("budgets")
@PageTitle("Budgets · Burnrate")
@Menu(order = 36, title = "Budgets", icon = "vaadin:wallet")
@PermitAll
public class BudgetsView extends VerticalLayout {

    public BudgetsView(BudgetService service) {
        addClassName("budgets-view");
        setWidthFull();
        Grid<BudgetRow> grid = new Grid<>(BudgetRow.class, false);
        grid.setId("budgets-grid");
        grid.addColumn(r -> r.check().key().budgetId()).setHeader("Budget").setAutoWidth(true);
        grid.addColumn(r -> r.check().key().describeScope()).setHeader("For").setAutoWidth(true);
        grid.addColumn(r -> r.check().periodLabel()).setHeader("Period").setAutoWidth(true);
        grid.addColumn(r -> Money.of(r.check().amount(), r.currency())).setHeader("Amount").setAutoWidth(true);
        grid.addColumn(r -> Money.of(r.check().status().actual(), r.currency())).setHeader("Actual")
                .setAutoWidth(true).setKey("actual");
        grid.addColumn(r -> Money.of(r.check().status().committed(), r.currency())).setHeader("Committed")
                .setAutoWidth(true);
        grid.addColumn(r -> Money.percent(r.check().percent())).setHeader("Used").setAutoWidth(true).setKey("used");
        grid.addComponentColumn(BudgetsView::projection).setHeader("Projected at period end (P10-P90)")
                .setAutoWidth(true).setKey("projected");
        grid.setItemDetailsRenderer(new ComponentRenderer<>(r -> new Paragraph(
                r.forecast() == null ? "No spend forecast for this budget yet: imported spend is continued at its"
                        + " recent rate where there is enough history." : "Why this forecast: "
                        + String.join("; ", r.forecast().models()))));
        grid.addComponentColumn(r -> {
            var worst = r.check().worst();
            Span badge = new Span(worst.map(t -> "past " + t.label() + ": " + t.action().yamlName()).orElse("ok"));
            badge.getElement().getThemeList().add("badge");
            if (worst.isPresent()) {
                badge.getElement().getThemeList().add(worst.get().action().yamlName().equals("deny") ? "error"
                        : "warning");
            }
            return badge;
        }).setHeader("Status").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        var rows = service.status();
        grid.setItems(rows);
        Paragraph definition = new Paragraph(BudgetProjection.DEFINITION);
        definition.setId("budgets-definition");
        add(new H2("Budgets"), definition, new Paragraph("Spend in another currency than a budget's counts only at "
                + "a rate from the exchange-rate table; what has no rate is left out and named below the table."),
                grid);
        if (rows.isEmpty()) {
            add(new Paragraph("No enabled policy has a budget rule."));
        }
        // Spend in another currency than a budget's: at which rate it was converted, or that it was left out.
        UnorderedList notes = new UnorderedList();
        notes.setId("budgets-currency-notes");
        for (BudgetRow row : rows) {
            for (String note : row.notes()) {
                notes.add(new ListItem(row.check().key().budgetId() + " (" + row.check().key().describeScope()
                        + ", " + row.currency() + "): " + note));
            }
        }
        if (notes.getComponentCount() > 0) {
            add(new H3("Other currencies"), notes);
        }
        UnorderedList unplanned = new UnorderedList();
        unplanned.setId("budgets-unplanned");
        service.unplanned().forEach(note -> unplanned.add(new ListItem(note)));
        if (unplanned.getComponentCount() > 0) {
            add(new H3("Budgets without a plan this period"), unplanned);
        }
    }

    /** The projection, and under it the forecast's band, when there is a forecast. */
    private static Component projection(BudgetRow r) {
        Span projected = new Span(Money.of(r.check().projected(), r.currency()) + " ("
                + Money.percent(r.check().projectedPercent()) + ")");
        Span band = new Span(r.forecast() == null ? "no forecast yet" : Money.of(r.projectedAt(10), r.currency())
                + " to " + Money.of(r.projectedAt(90), r.currency()));
        band.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        Div cell = new Div(projected, band);
        cell.getStyle().set("display", "flex").set("flex-direction", "column");
        return cell;
    }
}
