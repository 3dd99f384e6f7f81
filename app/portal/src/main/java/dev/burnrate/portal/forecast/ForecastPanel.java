package dev.burnrate.portal.forecast;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import dev.burnrate.engine.usage.query.TimeBucket;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.portal.base.BackgroundWork;
import dev.burnrate.portal.base.ViewTask;
import dev.burnrate.portal.base.chart.EChart;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The explorer's forecast: the chosen grouping's spend forecast to the end of the month or quarter, drawn as a
 * P10-P90 band after the actuals, with each group's model, backtest error and reason in a table ("why this
 * forecast"). Fitting runs in the background with a progress bar; leaving the page cancels it.
 */
public class ForecastPanel extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final ForecastService service;
    private final BackgroundWork work;
    private final Select<ForecastHorizon> horizon = new Select<>();
    private final EChart chart = new EChart();
    private final Grid<GroupForecast> models = new Grid<>(GroupForecast.class, false);
    private final Span status = new Span();
    private final ProgressBar progress = new ProgressBar();
    private ViewTask running;
    private String versionKey;
    private UsageQuery query;

    public ForecastPanel(ForecastService service, BackgroundWork work) {
        this.service = service;
        this.work = work;
        setPadding(false);
        setId("explorer-forecast");
        horizon.setLabel("Forecast");
        horizon.setId("explorer-forecast-horizon");
        horizon.setWidth("18em");
        horizon.setItems(ForecastHorizon.values());
        horizon.setItemLabelGenerator(h -> h == null ? "Off" : h.label());
        horizon.setEmptySelectionAllowed(true);
        horizon.setEmptySelectionCaption("Off");
        horizon.setValue(ForecastHorizon.END_OF_MONTH);
        horizon.addValueChangeListener(e -> run());
        chart.setId("explorer-forecast-chart");
        status.setId("explorer-forecast-status");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        models.setId("explorer-forecast-models");
        models.addThemeVariants(GridVariant.LUMO_COMPACT);
        models.setAllRowsVisible(true);
        models.addColumn(GroupForecast::label).setHeader("Group").setAutoWidth(true);
        models.addColumn(f -> f.model().family()).setHeader("Model").setAutoWidth(true);
        models.addColumn(f -> Double.isNaN(f.model().validationMase()) ? "not backtested"
                : String.format(Locale.ROOT, "%.2f over %d origins", f.model().validationMase(),
                f.model().validationOrigins())).setHeader("Backtest MASE").setAutoWidth(true);
        models.addColumn(f -> String.format(Locale.ROOT, "%,.2f", f.forecastTotal())).setHeader("Forecast (P50)")
                .setAutoWidth(true);
        models.addColumn(f -> String.join("; ", f.model().components())).setHeader("Combined").setFlexGrow(1);
        models.addColumn(f -> f.model().reason()).setHeader("Why").setFlexGrow(2);
        models.addColumn(f -> TIME.format(f.model().fittedAt())).setHeader("Fitted (UTC)").setAutoWidth(true);
        add(horizon, status, progress, chart, models);
        // The explorer queries while it is built; forecasting needs the page (for push), so it starts on attach.
        addAttachListener(e -> run());
    }

    /** Forecasts the explorer's current query, unless forecasts are off or the buckets are not hours or days. */
    public void show(String versionKey, UsageQuery query) {
        this.versionKey = versionKey;
        this.query = query;
        run();
    }

    private void run() {
        if (running != null) {
            running.cancel();
            running = null;
        }
        ForecastHorizon chosen = horizon.getValue();
        boolean possible = query != null && (query.bucket() == TimeBucket.HOUR || query.bucket() == TimeBucket.DAY);
        chart.setVisible(chosen != null && possible);
        models.setVisible(chosen != null && possible);
        if (chosen == null || !possible) {
            status.setText(chosen == null ? "" : "Forecasts need hourly or daily buckets.");
            return;
        }
        if (!isAttached()) {
            return;
        }
        status.setText("Fitting forecast models…");
        progress.setVisible(true);
        String key = versionKey;
        UsageQuery q = query;
        try {
            running = ViewTask.start(this, work, "the explorer forecast", task -> service.forecast(key, q, chosen),
                    this::render, failure -> {
                        progress.setVisible(false);
                        status.setText("The forecast failed: " + failure.getMessage());
                    });
        } catch (BackgroundWork.Busy busy) {
            progress.setVisible(false);
            status.setText("The portal is busy; the forecast was not started. " + busy.getMessage());
        }
    }

    private void render(List<GroupForecast> forecasts) {
        running = null;
        progress.setVisible(false);
        status.setText(forecasts.isEmpty() ? "No spend to forecast." : horizon.getValue().label() + ": P50 dashed,"
                + " P10-P90 shaded; the table says which model made each forecast and why.");
        chart.setOption(ForecastCharts.bands(forecasts, query.metrics().getFirst().column()));
        models.setItems(forecasts);
    }
}
