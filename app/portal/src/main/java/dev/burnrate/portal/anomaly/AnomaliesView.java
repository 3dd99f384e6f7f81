package dev.burnrate.portal.anomaly;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.burnrate.portal.budget.Money;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cost anomalies of the user's teams: when, where, expected against actual, the dollar and percent impact, the top
 * root causes, and the status people give them. The list pages through the database.
 */
@Route("anomalies")
@PageTitle("Anomalies · Burnrate")
@Menu(order = 37, title = "Anomalies", icon = "vaadin:flash")
@PermitAll
public class AnomaliesView extends VerticalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00").withZone(ZoneOffset.UTC);
    private static final Map<String, Set<AnomalyStatus>> FILTERS = filters();

    private final AnomalyService service;
    private final Grid<StoredAnomaly> grid = new Grid<>(StoredAnomaly.class, false);
    private final Select<String> filter = new Select<>();
    private final AnomalyDetails details;

    public AnomaliesView(AnomalyService service) {
        this.service = service;
        addClassName("anomalies-view");
        setSizeFull();
        details = new AnomalyDetails(service, changed -> grid.getDataProvider().refreshAll());
        filter.setId("anomaly-filter");
        filter.setLabel("Show");
        filter.setItems(FILTERS.keySet());
        filter.setValue("Open");
        filter.addValueChangeListener(e -> refresh());
        grid.setId("anomalies-grid");
        grid.addColumn(AnomaliesView::period).setHeader("When (UTC)").setAutoWidth(true);
        grid.addColumn(StoredAnomaly::team).setHeader("Team").setAutoWidth(true);
        grid.addColumn(StoredAnomaly::seriesLabel).setHeader("Series").setFlexGrow(1);
        grid.addColumn(a -> Money.of(a.expected().doubleValue(), a.currency())).setHeader("Expected")
                .setAutoWidth(true);
        grid.addColumn(a -> Money.of(a.actual().doubleValue(), a.currency())).setHeader("Actual").setAutoWidth(true);
        grid.addColumn(AnomaliesView::impact).setHeader("Impact").setAutoWidth(true);
        grid.addColumn(AnomaliesView::topCauses).setHeader("Top root causes").setFlexGrow(2);
        grid.addComponentColumn(AnomaliesView::statusBadge).setHeader("Status").setAutoWidth(true);
        grid.addSelectionListener(e -> details.show(e.getFirstSelectedItem().orElse(null)));
        add(new H2("Anomalies"), new Paragraph("Spend that departs from what each team's history predicts, found"
                + " after every import and on a schedule. A monitor reports a deviation only above its minimum"
                + " impact in money and in percent. Marking one expected or a false alarm is kept: the same cause"
                + " does not alert again."), filter, grid, details, new MonitorsPanel(service));
        refresh();
    }

    private void refresh() {
        Set<AnomalyStatus> statuses = FILTERS.get(filter.getValue());
        grid.setItems(query -> service.page(statuses, query.getOffset(), query.getLimit()).stream(),
                query -> service.count(statuses));
        details.show(null);
    }

    static String period(StoredAnomaly a) {
        return a.periodHours() >= 24 ? DAY.format(a.periodStart()) : HOUR.format(a.periodStart());
    }

    private static String impact(StoredAnomaly a) {
        String money = (a.impact().signum() > 0 ? "+" : "") + Money.of(a.impact().doubleValue(), a.currency());
        return a.impactPercent() == null ? money : money + " (" + (a.impactPercent().signum() > 0 ? "+" : "")
                + a.impactPercent() + "%)";
    }

    private static String topCauses(StoredAnomaly a) {
        return a.causes().stream().limit(3)
                .map(c -> c.value() + " " + Money.of(c.impact().doubleValue(), a.currency()))
                .collect(Collectors.joining(", "));
    }

    private static Span statusBadge(StoredAnomaly a) {
        Span badge = new Span(a.status().label());
        String theme = switch (a.status()) {
            case NEW -> "badge error";
            case ACKNOWLEDGED -> "badge warning";
            case EXPECTED, FALSE_ALARM -> "badge contrast";
        };
        badge.getElement().getThemeList().addAll(java.util.List.of(theme.split(" ")));
        badge.getElement().setAttribute("data-value", a.status().name());
        return badge;
    }

    private static Map<String, Set<AnomalyStatus>> filters() {
        Map<String, Set<AnomalyStatus>> filters = new LinkedHashMap<>();
        filters.put("Open", EnumSet.of(AnomalyStatus.NEW, AnomalyStatus.ACKNOWLEDGED));
        filters.put("All", EnumSet.allOf(AnomalyStatus.class));
        for (AnomalyStatus status : AnomalyStatus.values()) {
            filters.put(status.label(), EnumSet.of(status));
        }
        return filters;
    }
}
