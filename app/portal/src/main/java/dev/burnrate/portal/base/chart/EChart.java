package dev.burnrate.portal.base.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.page.Page;
import java.util.Map;

/**
 * An Apache ECharts chart. ECharts comes from its WebJar and our small renderer from {@code frontend/}, both
 * loaded at run time (no frontend bundle). Give it an ECharts option as a map (serialised to JSON) or JSON text.
 * After each render the element's {@code data-render-count} attribute grows, which browser tests can wait for.
 */
public class EChart extends Div {

    // The WebJar keeps the file at its root (META-INF/resources/webjars/echarts/5.5.0/echarts.min.js), not under dist/.
    static final String ECHARTS_URL = "context://webjars/echarts/5.5.0/echarts.min.js";
    static final String RENDERER_URL = "context://frontend/burnrate-charts.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    private String optionJson = "{}";

    public EChart() {
        addClassName("echart");
        setWidthFull();
        setHeight("360px");
    }

    public void setOption(Map<String, ?> option) {
        try {
            setOptionJson(JSON.writeValueAsString(option));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Chart option cannot be written as JSON", e);
        }
    }

    public void setOptionJson(String json) {
        this.optionJson = json;
        if (isAttached()) {
            render();
        }
    }

    public String getOptionJson() {
        return optionJson;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        Page page = event.getUI().getPage();
        page.addJavaScript(ECHARTS_URL);
        page.addJavaScript(RENDERER_URL);
        render();
    }

    private void render() {
        // The scripts may still be loading on first attach: retry briefly until both are there.
        getElement().executeJs("""
                const el = this, option = $0;
                (function attempt(n) {
                  if (window.echarts && window.burnrateCharts) { window.burnrateCharts.render(el, option); }
                  else if (n < 200) { setTimeout(() => attempt(n + 1), 50); }
                })(0);""", optionJson);
    }
}
