package dev.burnrate.plugins.sample;

import dev.burnrate.api.Offering;
import dev.burnrate.api.PluginContext;
import dev.burnrate.api.UiContribution;
import dev.burnrate.api.UiPanel;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pf4j.Extension;

/**
 * The sample's page in the portal (API 1.3.0), declared, not coded: a table of its capacity per offering, a chart
 * of its prices per region, a link to the settings that simulate capacity, and a link to a (made-up) status page.
 * Every signed-in user sees panels, so they hold provider facts only, never a team's resources.
 */
@Extension
public class SamplePanels implements UiContribution {

    private volatile SampleCapacity capacity;

    @Override
    public String id() {
        return "sample-cloud-panels";
    }

    @Override
    public String displayName() {
        return "Sample Cloud";
    }

    @Override
    public void init(PluginContext context) {
        capacity = new SampleCapacity(context, new SampleResources(context, SampleCloudProvider::offeringByKey));
    }

    @Override
    public List<UiPanel> panels() {
        return List.of(capacityTable(), pricesChart(),
                new UiPanel.SettingsLink("capacity-settings", "Simulated capacity",
                        "Set sold-out (instance types or region/instanceType, comma-separated) and gpu-quota"
                                + " (accelerators) to see the portal fail over."),
                new UiPanel.Link("status", "Service status", "Sample Cloud status page",
                        URI.create("https://example.com/sample-cloud/status")));
    }

    private UiPanel capacityTable() {
        SampleCapacity current = capacity;
        List<List<String>> rows = new ArrayList<>();
        for (Offering o : SampleCloudProvider.shippedOfferings()) {
            String state = current == null ? "UNKNOWN" : current.availability(o, SampleCloudProvider.region(o))
                    .state().name();
            rows.add(List.of(o.instanceType(), o.regionId(), state));
        }
        return new UiPanel.Table("capacity", "Capacity now", List.of("Instance type", "Region", "Capacity"), rows);
    }

    private static UiPanel pricesChart() {
        TreeSet<String> types = new TreeSet<>();
        Map<String, Map<String, Double>> byRegion = new TreeMap<>();
        for (Offering o : SampleCloudProvider.shippedOfferings()) {
            types.add(o.instanceType());
            byRegion.computeIfAbsent(o.regionId(), r -> new TreeMap<>()).put(o.instanceType(), o.prices().onDemand());
        }
        List<String> categories = List.copyOf(types);
        List<UiPanel.Series> series = new ArrayList<>();
        byRegion.forEach((region, prices) -> series.add(new UiPanel.Series(region,
                categories.stream().map(prices::get).toList())));
        return new UiPanel.Chart("prices", "On-demand prices as shipped", UiPanel.ChartKind.BAR, "USD/h", categories,
                series);
    }
}
