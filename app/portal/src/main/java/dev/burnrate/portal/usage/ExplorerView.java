package dev.burnrate.portal.usage;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.burnrate.engine.usage.query.GroupKey;
import dev.burnrate.engine.usage.query.Metric;
import dev.burnrate.engine.usage.query.QueryResult;
import dev.burnrate.engine.usage.query.TimeBucket;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.portal.base.BackgroundWork;
import dev.burnrate.portal.base.chart.EChart;
import dev.burnrate.portal.forecast.ForecastPanel;
import dev.burnrate.portal.forecast.ForecastService;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cost explorer: a dataset version, a time range, filters (provider, service, team) and a grouping give a stacked
 * time series, a breakdown and a table of exactly what is shown, which downloads as CSV. Team scoping applies:
 * engineers see their teams' rows only. Costs in different billing currencies are never added: the summary gives
 * one total per currency, and when a version holds several the charts and table show one currency at a time.
 */
@Route("explorer")
@PageTitle("Cost explorer · Burnrate")
@Menu(order = 21, title = "Cost explorer", icon = "vaadin:chart")
@PermitAll
public class ExplorerView extends VerticalLayout implements BeforeEnterObserver {

    static final List<String> GROUPS = List.of("ServiceName", "ProviderName", "RegionId", "SubAccountName",
            "ServiceCategory", "PricingCategory", "ResourceType", "ChargeCategory", "tag:team", "tag:env",
            "tag:workload");

    private final UsageDatasetService datasets;
    private final UsageQueryService queries;
    private final Select<String> dataset = new Select<>();
    private final Select<VersionSummary> version = new Select<>();
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To (exclusive)");
    private final Select<String> groupBy = new Select<>();
    private final Select<TimeBucket> bucket = new Select<>();
    private final Select<Metric> metric = new Select<>();
    private final IntegerField top = new IntegerField("Top");
    private final MultiSelectComboBox<String> providers = new MultiSelectComboBox<>("Provider");
    private final MultiSelectComboBox<String> services = new MultiSelectComboBox<>("Service");
    private final MultiSelectComboBox<String> teams = new MultiSelectComboBox<>("Team");
    private final Select<String> currency = new Select<>();
    private final EChart timeSeries = new EChart();
    private final EChart breakdown = new EChart();
    private final Grid<Map.Entry<String, Double>> table = new Grid<>();
    private final Span summary = new Span();
    private final HorizontalLayout export = new HorizontalLayout();
    private final ForecastPanel forecast;
    private List<String> datasetNames = List.of();
    private boolean loading;

    public ExplorerView(UsageDatasetService datasets, UsageQueryService queries, ForecastService forecasts,
                        BackgroundWork work) {
        this.datasets = datasets;
        this.queries = queries;
        this.forecast = new ForecastPanel(forecasts, work);
        setSizeFull();
        configureControls();
        timeSeries.setId("explorer-timeseries");
        breakdown.setId("explorer-breakdown");
        breakdown.setHeight("300px");
        table.setId("explorer-table");
        table.addThemeVariants(GridVariant.LUMO_COMPACT);
        table.addColumn(Map.Entry::getKey).setHeader("Group").setFlexGrow(1);
        table.addColumn(e -> String.format("%,.2f", e.getValue())).setHeader("Total").setAutoWidth(true);
        table.setAllRowsVisible(true);
        summary.setId("explorer-summary");
        HorizontalLayout charts = new HorizontalLayout(breakdown, table);
        charts.setWidthFull();
        breakdown.setWidth("40%");
        table.setWidth("60%");
        add(new H2("Cost explorer"), controls(), summary, timeSeries, forecast, charts, export);
        datasetNames = datasets.datasets().stream().map(DatasetSummary::name).toList();
        dataset.setItems(datasetNames);
        datasetNames.stream().findFirst().ifPresent(dataset::setValue);
    }

    /** {@code explorer?dataset=NAME} opens that dataset: links from other pages and bookmarks land on their data. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("dataset").filter(datasetNames::contains)
                .ifPresent(dataset::setValue);
    }

    private void configureControls() {
        dataset.setLabel("Dataset");
        dataset.setId("explorer-dataset");
        dataset.addValueChangeListener(e -> loadVersions());
        version.setLabel("Version");
        version.setId("explorer-version");
        version.setItemLabelGenerator(VersionSummary::label);
        version.addValueChangeListener(e -> loadVersion());
        from.setId("explorer-from");
        to.setId("explorer-to");
        groupBy.setLabel("Group by");
        groupBy.setId("explorer-group");
        groupBy.setItems(GROUPS);
        groupBy.setValue("ServiceName");
        bucket.setLabel("Per");
        bucket.setId("explorer-bucket");
        bucket.setItems(TimeBucket.HOUR, TimeBucket.DAY, TimeBucket.WEEK, TimeBucket.MONTH);
        bucket.setValue(TimeBucket.DAY);
        metric.setLabel("Metric");
        metric.setId("explorer-metric");
        metric.setItems(Metric.values());
        metric.setItemLabelGenerator(Metric::column);
        metric.setValue(Metric.EFFECTIVE_COST);
        top.setId("explorer-top");
        top.setValue(8);
        top.setMin(1);
        top.setStepButtonsVisible(true);
        providers.setId("filter-provider");
        services.setId("filter-service");
        teams.setId("filter-team");
        currency.setLabel("Currency");
        currency.setId("explorer-currency");
        currency.setVisible(false);
        currency.addValueChangeListener(e -> refresh());
        for (var c : List.of(from, to)) {
            c.addValueChangeListener(e -> refresh());
        }
        groupBy.addValueChangeListener(e -> refresh());
        bucket.addValueChangeListener(e -> refresh());
        metric.addValueChangeListener(e -> refresh());
        top.addValueChangeListener(e -> refresh());
        providers.addValueChangeListener(e -> refresh());
        services.addValueChangeListener(e -> refresh());
        teams.addValueChangeListener(e -> refresh());
    }

    private VerticalLayout controls() {
        HorizontalLayout first = new HorizontalLayout(dataset, version, from, to, groupBy, bucket, metric, top);
        HorizontalLayout second = new HorizontalLayout(providers, services, teams, currency);
        for (HorizontalLayout l : List.of(first, second)) {
            l.setAlignItems(FlexComponent.Alignment.BASELINE);
            l.setWrap(true);
        }
        VerticalLayout v = new VerticalLayout(first, second);
        v.setPadding(false);
        v.setSpacing(false);
        return v;
    }

    private void loadVersions() {
        List<VersionSummary> list = dataset.getValue() == null ? List.of() : datasets.versions(dataset.getValue());
        version.setItems(list);
        if (!list.isEmpty()) {
            version.setValue(list.getLast());
        }
    }

    private void loadVersion() {
        VersionSummary v = version.getValue();
        if (v == null) {
            return;
        }
        loading = true;
        try {
            providers.setItems(queries.values(v.key(), "ProviderName"));
            services.setItems(queries.values(v.key(), "ServiceName"));
            teams.setItems(queries.values(v.key(), "tag:team"));
            List<String> currencies = queries.values(v.key(), UsageQueryService.BILLING_CURRENCY);
            currency.setItems(currencies);
            currency.setValue(currencies.contains("USD") ? "USD" : currencies.stream().findFirst().orElse(null));
            currency.setVisible(currencies.size() > 1);
            if (v.from() != null) {
                from.setValue(v.from().atZone(ZoneOffset.UTC).toLocalDate());
                to.setValue(v.to().atZone(ZoneOffset.UTC).toLocalDate().plusDays(1));
            }
        } finally {
            loading = false;
        }
        refresh();
    }

    private void refresh() {
        VersionSummary v = version.getValue();
        if (loading || v == null) {
            return;
        }
        UsageQuery q = query();
        QueryResult r = queries.explore(v.key(), inCurrency(q));
        String metricName = metric.getValue().column();
        timeSeries.setOption(ExplorerCharts.timeSeries(r, metricName));
        forecast.show(v.key(), inCurrency(q));
        breakdown.setOption(ExplorerCharts.breakdown(r));
        List<Map.Entry<String, Double>> rows = new ArrayList<>(ExplorerCharts.totals(r).entrySet());
        table.setItems(rows);
        summary.setText(String.format("%,d of %,d rows match; total %s %s", r.rowsMatched(), r.rowsScanned(),
                metricName, totals(v, q)));
        export.removeAll();
        Anchor csv = new Anchor((DownloadHandler) event -> {
            event.setFileName("explorer-" + v.key() + ".csv");
            ExplorerCsv.write(r, event.getOutputStream());
        }, "");
        csv.add(VaadinIcon.DOWNLOAD.create(), new Span(" Export CSV"));
        csv.setId("explorer-export");
        export.add(csv);
    }

    private UsageQuery query() {
        UsageQuery.Builder b = UsageQuery.builder()
                .between(start(from.getValue()), start(to.getValue()))
                .bucket(bucket.getValue())
                .sum(metric.getValue())
                .top(top.getValue() == null ? 8 : top.getValue(), metric.getValue());
        String g = groupBy.getValue();
        b.groupBy(g.startsWith("tag:") ? GroupKey.tag(g.substring(4)) : GroupKey.dimension(g));
        if (!providers.getValue().isEmpty()) {
            b.where("ProviderName", providers.getValue().toArray(String[]::new));
        }
        if (!services.getValue().isEmpty()) {
            b.where("ServiceName", services.getValue().toArray(String[]::new));
        }
        if (!teams.getValue().isEmpty()) {
            b.whereTag("team", teams.getValue().toArray(String[]::new));
        }
        return b.build();
    }

    /** The query limited to the chosen currency when the version has several (one currency per chart). */
    private UsageQuery inCurrency(UsageQuery q) {
        if (!currency.isVisible() || currency.getValue() == null) {
            return q;
        }
        Map<String, Set<String>> dims = new LinkedHashMap<>(q.dimensions());
        dims.put(UsageQueryService.BILLING_CURRENCY, Set.of(currency.getValue()));
        return new UsageQuery(q.from(), q.to(), dims, q.tags(), q.scope(), q.groupBy(), q.bucket(), q.metrics(),
                q.topN(), q.rankBy());
    }

    /** One total per currency ({@code 1,234.50 USD; 1,234,567 JPY}); a quantity is a single total. */
    private String totals(VersionSummary v, UsageQuery q) {
        if (metric.getValue() == Metric.CONSUMED_QUANTITY) {
            return String.format("%,.2f", queries.explore(v.key(), q).total(Metric.CONSUMED_QUANTITY));
        }
        Map<String, Double> perCurrency = queries.totalsByCurrency(v.key(), q);
        if (perCurrency.isEmpty()) {
            return "0.00";
        }
        List<String> parts = new ArrayList<>();
        perCurrency.forEach((code, total) -> parts.add(ExplorerCharts.amount(total, code)));
        String shown = currency.isVisible() ? " (charts and table: " + currency.getValue() + " only)" : "";
        return String.join("; ", parts) + shown;
    }

    private static java.time.Instant start(LocalDate d) {
        return d == null ? null : d.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
