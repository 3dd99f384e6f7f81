package dev.burnrate.portal.metrics;

import dev.burnrate.portal.metrics.CostSnapshot.Value;
import dev.burnrate.portal.security.SystemRunner;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The cost gauges of {@code /actuator/prometheus}: computed from the services on a schedule, as {@code system}, and
 * held until the next refresh, so a scrape (every 15 seconds, say) reads memory and never reruns budget figures.
 * Series of teams, budgets or plans that disappear are dropped at the next refresh.
 */
@Component
public class CostMetrics {

    private static final Logger log = LoggerFactory.getLogger(CostMetrics.class);
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            CostFigures.TEAM_SPEND, "Spend of the team this budget month so far, in the currency billed",
            CostFigures.TEAM_FORECAST, "Forecast spend of the team at the end of this budget month",
            CostFigures.PLAN_AMOUNT, "Planned amount of a monthly team budget plan for this month",
            CostFigures.PLAN_SPEND, "Spend this month counted against a monthly team budget plan",
            CostFigures.PLAN_FORECAST, "Forecast spend at month end counted against a monthly team budget plan",
            CostFigures.BUDGET_LIMIT, "Limit of a budget account for its current period",
            CostFigures.BUDGET_SPEND, "Actual spend of a budget account in its current period",
            CostFigures.BUDGET_FORECAST, "Projected spend of a budget account at its period end",
            CostFigures.BUDGET_UTILISATION, "Actual spend divided by the limit of a budget account",
            CostFigures.OPEN_ANOMALIES, "Spend anomalies that are new or acknowledged, per team");

    private final CostFigures figures;
    private final Map<String, MultiGauge> gauges = new LinkedHashMap<>();
    private final AtomicReference<CostSnapshot> latest = new AtomicReference<>();

    private final TaskScheduler scheduler;
    private final Duration initialDelay;
    private final Duration interval;

    CostMetrics(CostFigures figures, MeterRegistry registry, TaskScheduler scheduler,
                @org.springframework.beans.factory.annotation.Value("${burnrate.metrics.initial-delay:PT30S}")
                Duration initialDelay,
                @org.springframework.beans.factory.annotation.Value("${burnrate.metrics.refresh-interval:PT5M}")
                Duration interval) {
        this.figures = figures;
        this.scheduler = scheduler;
        this.initialDelay = initialDelay;
        this.interval = interval;
        for (String name : CostFigures.NAMES) {
            gauges.put(name, MultiGauge.builder(name).description(DESCRIPTIONS.get(name)).register(registry));
        }
        Gauge.builder("burnrate.cost.metrics.refreshed", latest,
                        snapshot -> snapshot.get() == null ? Double.NaN : snapshot.get().takenAt().getEpochSecond())
                .description("When the cost metrics were last computed (Unix time in seconds)")
                .register(registry);
    }

    /**
     * Not a {@code @Scheduled} job under a ShedLock lock like the others: each portal answers its own scrapes, so each
     * refreshes its own figures, and the refresh changes nothing shared.
     */
    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        scheduler.scheduleWithFixedDelay(this::refresh, Instant.now().plus(initialDelay), interval);
    }

    /** Recomputes every cost figure (a few seconds with large datasets): on the schedule, and for tests. */
    public synchronized void refresh() {
        try {
            CostSnapshot snapshot = SystemRunner.callAsSystem(figures::read);
            snapshot.series().forEach((name, values) -> gauges.get(name).register(rows(values), true));
            latest.set(snapshot);
        } catch (RuntimeException e) {
            // Keep the last figures: a dashboard shows them stale (burnrate_cost_metrics_refreshed) rather than gone.
            log.warn("Refreshing the cost metrics failed; the previous figures stay", e);
        }
    }

    private static List<MultiGauge.Row<?>> rows(List<Value> values) {
        // Each row reads its Value, which the snapshot in `latest` holds strongly (gauges hold their object weakly).
        return values.stream().<MultiGauge.Row<?>>map(v -> MultiGauge.Row.of(Tags.of(v.labels().toArray(String[]::new)),
                v, Value::value)).toList();
    }
}
