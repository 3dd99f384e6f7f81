package dev.burnrate.portal.catalog;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.html.Anchor;
import dev.burnrate.portal.base.BackgroundWork;
import dev.burnrate.portal.plugin.CatalogFilter;
import dev.burnrate.portal.plugin.OfferingAvailability;
import dev.burnrate.portal.plugin.PluginPanelsService;
import dev.burnrate.portal.plugin.CatalogUploadService;
import dev.burnrate.portal.plugin.PriceRefreshService;
import dev.burnrate.portal.plugin.CatalogOffering;
import dev.burnrate.portal.plugin.CatalogSort;
import dev.burnrate.portal.plugin.PluginCatalogService;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The catalog: every offering of every provider plugin in one lazy grid with filters, sortable prices, price per
 * accelerator-hour and per peak BF16 PFLOP-hour (joined to the hardware plugins' specs), each offering's capacity
 * as its provider reports it, a chart comparing the cheapest accelerator-hour across providers, where each
 * provider's prices come from (with the administrators' Refresh prices), and links to plugins' own pages.
 */
@Route("catalog")
@PageTitle("Catalog · Burnrate")
@Menu(order = 20, title = "Catalog", icon = "vaadin:cloud")
@PermitAll
public class CatalogView extends VerticalLayout {

    private final PluginCatalogService catalog;
    private final OfferingAvailability availability;
    private final CatalogFilterBar filters = new CatalogFilterBar();
    private final Grid<CatalogOffering> grid = new Grid<>(CatalogOffering.class, false);
    private final CheapestAcceleratorChart chart = new CheapestAcceleratorChart();
    private final Span count = new Span();
    private CatalogFilter filter = CatalogFilter.ALL;

    public CatalogView(PluginCatalogService catalog, OfferingAvailability availability, PriceRefreshService prices,
                       CatalogUploadService uploads, PluginPanelsService panels, BackgroundWork work) {
        this.catalog = catalog;
        this.availability = availability;
        addClassName("catalog-view");
        setSizeFull();
        configureGrid();
        filters.setFacets(catalog.facets());
        filters.addFilterChangedListener(event -> apply(event.filter()));
        count.setId("catalog-count");

        add(new H2("Catalog"));
        problems().ifPresent(this::add);
        // new prices, same filter: the grid, count and chart are read again
        CatalogPriceLists priceLists = new CatalogPriceLists(prices, uploads, work, () -> apply(filter));
        add(priceLists);
        if (prices.canRefresh()) {
            add(new CatalogUploadPanel(uploads, prices.priceLists(), () -> {
                priceLists.show();
                apply(filter);
            }));
        }
        pluginPages(panels).ifPresent(this::add);
        add(filters, count, chart, grid);
        apply(CatalogFilter.ALL);
    }

    private void configureGrid() {
        grid.setId("catalog-grid");
        grid.setMultiSort(false);
        grid.addColumn(CatalogOffering::providerName).setHeader("Provider").setSortProperty(CatalogSort.PROVIDER.name())
                .setAutoWidth(true).setFrozen(true);
        grid.addColumn(o -> o.offering().instanceType()).setHeader("Instance type")
                .setSortProperty(CatalogSort.INSTANCE_TYPE.name()).setAutoWidth(true);
        grid.addColumn(o -> o.offering().regionId()).setHeader("Region").setTooltipGenerator(CatalogOffering::regionName)
                .setSortProperty(CatalogSort.REGION.name()).setAutoWidth(true);
        grid.addColumn(o -> o.jurisdiction() + " · " + o.country()).setHeader("Jurisdiction").setAutoWidth(true);
        grid.addColumn(o -> o.hipaaEligible() ? "yes" : "no").setHeader("HIPAA").setAutoWidth(true);
        grid.addColumn(o -> o.offering().hasAccelerator()
                ? o.acceleratorLabel() + " × " + o.offering().acceleratorCount() : "—").setHeader("Accelerator")
                .setAutoWidth(true);
        grid.addColumn(o -> CapacityLabel.of(availability.of(o))).setHeader("Capacity")
                .setTooltipGenerator(o -> availability.of(o).reason()).setAutoWidth(true);
        grid.addColumn(o -> number(o.offering().vcpus())).setHeader("vCPUs").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(o -> number(o.offering().memoryGib())).setHeader("Memory GiB")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        price("On-demand $/h", CatalogSort.ON_DEMAND, o -> o.offering().prices().onDemand());
        price("Spot $/h", CatalogSort.SPOT, o -> o.offering().prices().spot())
                .setTooltipGenerator(SpotInterruptionTooltip::of);
        price("1-year $/h", CatalogSort.COMMITTED_1Y, o -> o.offering().prices().committed1y())
                .setTooltipGenerator(o -> o.offering().prices().committedSource());
        price("3-year $/h", CatalogSort.COMMITTED_3Y, o -> o.offering().prices().committed3y())
                .setTooltipGenerator(o -> o.offering().prices().committedSource());
        price("$/accelerator-h", CatalogSort.PER_ACCELERATOR_HOUR, CatalogOffering::pricePerAcceleratorHour);
        price("$/BF16 PFLOP-h", CatalogSort.PER_BF16_PFLOP_HOUR, CatalogOffering::pricePerBf16PflopHour)
                .setTooltipGenerator(o -> o.peakBf16Pflops() == null ? "no BF16 figure for this accelerator"
                        : String.format(Locale.ROOT, "%.3f PFLOP/s dense BF16 per instance", o.peakBf16Pflops()));
        grid.setItems(query -> {
            List<QuerySortOrder> orders = query.getSortOrders();
            CatalogSort sort = orders.isEmpty() ? CatalogSort.PROVIDER : CatalogSort.valueOf(orders.get(0).getSorted());
            boolean ascending = orders.isEmpty() || orders.get(0).getDirection() == SortDirection.ASCENDING;
            return catalog.offerings(filter, sort, ascending, query.getOffset(), query.getLimit()).stream();
        }, query -> catalog.count(filter));
    }

    private Grid.Column<CatalogOffering> price(String header, CatalogSort sort, Function<CatalogOffering, Double> value) {
        return grid.addColumn(o -> money(value.apply(o))).setHeader(header).setSortProperty(sort.name())
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }

    private void apply(CatalogFilter newFilter) {
        filter = newFilter;
        grid.getDataProvider().refreshAll();
        count.setText(catalog.count(filter) + " offerings");
        chart.show(catalog.cheapestPerAcceleratorHour(filter));
    }

    /** Links to the pages of plugins that contribute panels. */
    private static java.util.Optional<Div> pluginPages(PluginPanelsService panels) {
        List<PluginPanelsService.PanelSource> sources = panels.sources();
        if (sources.isEmpty()) {
            return java.util.Optional.empty();
        }
        Div links = new Div(new Span("Plugin pages: "));
        links.setId("plugin-pages");
        for (PluginPanelsService.PanelSource source : sources) {
            Anchor link = new Anchor("plugins/" + source.pluginId(), source.title());
            link.getElement().setAttribute("data-plugin", source.pluginId());
            links.add(link, new Span(" "));
        }
        return java.util.Optional.of(links);
    }

    private java.util.Optional<Div> problems() {
        List<String> problems = catalog.problems();
        if (problems.isEmpty()) {
            return java.util.Optional.empty();
        }
        Div banner = new Div(new Span("Some plugins did not answer and are missing here: " + String.join("; ", problems)));
        banner.setId("catalog-problems");
        banner.addClassName("catalog-problems");
        return java.util.Optional.of(banner);
    }

    static String money(Double value) {
        if (value == null) {
            return "—";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.2f", value) : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
