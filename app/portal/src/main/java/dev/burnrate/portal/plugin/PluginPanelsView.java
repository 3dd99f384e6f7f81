package dev.burnrate.portal.plugin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.burnrate.api.UiPanel;
import dev.burnrate.portal.base.chart.EChart;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plugin's own page: the declarative panels it contributes ({@link dev.burnrate.api.UiContribution}), drawn
 * with the portal's components (tables as grids, charts as ECharts, links as links). Plugins ship no UI code.
 */
@Route("plugins/:pluginId")
@PageTitle("Plugin · Burnrate")
@PermitAll
public class PluginPanelsView extends VerticalLayout implements BeforeEnterObserver {

    private final PluginPanelsService panels;

    public PluginPanelsView(PluginPanelsService panels) {
        this.panels = panels;
        addClassName("plugin-panels-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String pluginId = event.getRouteParameters().get("pluginId").orElse("");
        removeAll();
        var page = panels.page(pluginId);
        if (page.isEmpty()) {
            add(new H2("Plugin"), new Paragraph("No running plugin '" + pluginId + "' contributes a page."));
            return;
        }
        add(new H2(page.get().title()));
        for (String problem : page.get().problems()) {
            Paragraph line = new Paragraph(problem);
            line.addClassName("plugin-panel-problem");
            add(line);
        }
        for (UiPanel panel : page.get().panels()) {
            Div box = new Div(new H3(panel.title()), render(panel, pluginId));
            box.setId("panel-" + pluginId + "-" + panel.id());
            box.addClassName("plugin-panel");
            box.setWidthFull();
            add(box);
        }
    }

    private static Component render(UiPanel panel, String pluginId) {
        return switch (panel) {
            case UiPanel.Table table -> table(table);
            case UiPanel.Chart chart -> chart(chart);
            case UiPanel.Link link -> {
                Anchor anchor = new Anchor(link.url().toString(), link.text(), AnchorTarget.BLANK);
                anchor.getElement().setAttribute("rel", "noopener noreferrer");
                yield anchor;
            }
            case UiPanel.SettingsLink settings -> new Div(new Paragraph(settings.text()),
                    new Anchor("admin/plugins/settings/" + pluginId, "Open the plugin's settings"));
        };
    }

    private static Grid<List<String>> table(UiPanel.Table table) {
        Grid<List<String>> grid = new Grid<>();
        for (int i = 0; i < table.columns().size(); i++) {
            int column = i;
            grid.addColumn(row -> row.get(column) == null ? "" : row.get(column))
                    .setHeader(table.columns().get(i)).setAutoWidth(true);
        }
        grid.setItems(table.rows());
        grid.setAllRowsVisible(table.rows().size() <= 20);
        return grid;
    }

    private static EChart chart(UiPanel.Chart chart) {
        EChart echart = new EChart();
        echart.setHeight("320px");
        List<Map<String, Object>> series = new ArrayList<>();
        for (UiPanel.Series s : chart.series()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", s.name());
            one.put("type", chart.kind().name().toLowerCase(Locale.ROOT));
            one.put("data", s.values());
            series.add(one);
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("top", 40, "left", 64, "right", 16, "bottom", 48));
        option.put("xAxis", Map.of("type", "category", "data", chart.categories()));
        option.put("yAxis", Map.of("type", "value", "name", chart.unit() == null ? "" : chart.unit()));
        option.put("series", series);
        echart.setOption(option);
        return echart;
    }
}
