package dev.burnrate.portal.budget.plan;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Budget plans: every budget the user may see as a tree (children under their parents), with the selected year's
 * plan per month and, for a parent, its children's sum next to its own plan. FINANCE and ADMIN create, edit,
 * copy forward and delete budgets here; everyone else reads.
 */
@Route("budget-plans")
@PageTitle("Budget plans · Burnrate")
@Menu(order = 36.5, title = "Budget plans", icon = "vaadin:piggy-bank-coin")
@PermitAll
public class BudgetPlansView extends VerticalLayout {

    private final BudgetPlanService service;
    private final TreeGrid<PlanRollUp> grid = new TreeGrid<>();
    private final Select<Integer> year = new Select<>();
    private final Paragraph empty = new Paragraph();

    public BudgetPlansView(BudgetPlanService service, Clock clock) {
        this.service = service;
        addClassName("budget-plans-view");
        setWidthFull();
        int thisYear = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).getYear();
        year.setId("plans-year");
        year.setLabel("Year");
        year.setItems(thisYear - 1, thisYear, thisYear + 1);
        year.setValue(thisYear);
        year.addValueChangeListener(e -> refresh());
        HorizontalLayout bar = new HorizontalLayout(year);
        bar.setAlignItems(Alignment.BASELINE);
        if (service.mayEdit()) {
            Button create = new Button("New budget", e -> new PlanEditorDialog(service, null, year.getValue(),
                    this::refresh).open());
            create.setId("plans-new");
            bar.add(create);
        }
        grid.setId("plans-grid");
        grid.setAllRowsVisible(true);
        add(new H2("Budget plans"), new Paragraph("Each budget plans an exact amount per month or quarter for a "
                + "team, project, billing account, service or tag. Child budgets roll up to their parent: a parent's "
                + "row shows its own plan and, below it, the sum of its children's plans, flagged when its own plan "
                + "is lower. A policy that names a budget (budget: <id>) sets no limit in a period the budget has "
                + "no plan for."), bar, grid, empty);
        refresh();
    }

    private void refresh() {
        grid.removeAllColumns();
        int shown = year.getValue();
        grid.addHierarchyColumn(r -> r.plan().name()).setHeader("Budget").setAutoWidth(true).setFrozen(true)
                .setKey("name");
        grid.addColumn(r -> r.plan().scope().toString()).setHeader("Scope").setAutoWidth(true);
        grid.addColumn(r -> r.plan().owner()).setHeader("Owner").setAutoWidth(true);
        grid.addColumn(r -> r.plan().metric().column() + ", " + r.plan().currency()).setHeader("Measured in")
                .setAutoWidth(true);
        for (Month m : Month.values()) {
            LocalDate start = LocalDate.of(shown, m, 1);
            grid.addComponentColumn(r -> cell(r, start)).setHeader(m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                    .setAutoWidth(true).setKey("m" + m.getValue());
        }
        grid.addComponentColumn(r -> cellOf(PlanPeriods.yearTotal(r.plan().amounts(), shown),
                r.hasChildren() ? PlanPeriods.yearTotal(r.childrenSum(), shown) : null, r.plan().currency(), false))
                .setHeader(shown + " total").setAutoWidth(true).setKey("total");
        if (service.mayEdit()) {
            grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        }
        List<PlanRollUp> rows = service.rollUp();
        TreeData<PlanRollUp> tree = new TreeData<>();
        Map<String, PlanRollUp> byId = new HashMap<>();
        for (PlanRollUp row : rows) {
            PlanRollUp parent = row.depth() == 0 ? null : byId.get(row.plan().parentId());
            tree.addItem(parent, row);
            byId.put(row.plan().id(), row);
        }
        grid.setDataProvider(new TreeDataProvider<>(tree));
        grid.expand(rows);
        grid.setVisible(!rows.isEmpty());
        empty.setText("No budgets yet" + (service.mayEdit() ? ": create one with New budget." : "."));
        empty.setVisible(rows.isEmpty());
    }

    /** A period's cell: the own plan (or its quarter's for a quarterly budget), and the children's sum if any. */
    private static Component cell(PlanRollUp r, LocalDate monthStart) {
        LocalDate start = r.plan().granularity().periodStart(monthStart);
        if (!start.equals(monthStart)) {
            return new Span();
        }
        return cellOf(r.plan().amountFor(start).orElse(null), r.hasChildren() ? r.childrenSum().get(start) : null,
                r.plan().currency(), r.belowChildren().contains(start));
    }

    private static Component cellOf(BigDecimal own, BigDecimal children, String currency, boolean below) {
        Span plan = new Span(own == null ? "no plan" : PlanPeriods.money(own, currency));
        Div cell = new Div(plan);
        if (children != null) {
            Span sum = new Span("children " + PlanPeriods.money(children, currency));
            sum.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
            cell.add(sum);
        }
        if (below) {
            cell.addClassName("plan-below-children");
            cell.getElement().setAttribute("title", "planned below its children's sum");
            plan.getElement().getThemeList().add("badge error");
        }
        cell.getStyle().set("display", "flex").set("flex-direction", "column");
        return cell;
    }

    private Component actions(PlanRollUp r) {
        Button edit = new Button("Edit", e -> new PlanEditorDialog(service, r.plan(), year.getValue(), this::refresh)
                .open());
        Button copy = new Button("Copy forward", e -> new CopyForwardDialog(service, r.plan(), year.getValue() + 1,
                this::refresh).open());
        Button delete = new Button("Delete", e -> {
            try {
                service.delete(r.plan().id(), r.plan().version());
                refresh();
            } catch (PlanValidationException | StalePlanException ex) {
                error(ex instanceof PlanValidationException v ? v.errors().values().stream()
                        .collect(Collectors.joining("; ")) : ex.getMessage());
            }
        });
        return new HorizontalLayout(edit, copy, delete);
    }

    static void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
