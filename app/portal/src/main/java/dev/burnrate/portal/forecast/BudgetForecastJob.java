package dev.burnrate.portal.forecast;

import dev.burnrate.api.KernelException;
import dev.burnrate.engine.forecast.Forecaster;
import dev.burnrate.engine.forecast.SeriesForecast;
import dev.burnrate.engine.policy.budget.BudgetPeriod;
import dev.burnrate.engine.timeseries.GapPolicy;
import dev.burnrate.engine.timeseries.SeriesBatch;
import dev.burnrate.engine.timeseries.SeriesBatches;
import dev.burnrate.engine.usage.query.GroupKey;
import dev.burnrate.engine.usage.query.Metric;
import dev.burnrate.engine.usage.query.QueryResult;
import dev.burnrate.engine.usage.query.TimeBucket;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.portal.base.BackgroundWork;
import dev.burnrate.portal.budget.SpendChanged;
import dev.burnrate.portal.compute.ComputeService;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.usage.DatasetSummary;
import dev.burnrate.portal.usage.UsageDatasetService;
import dev.burnrate.portal.usage.UsageQueryService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fits the spend forecasts budgets are judged on: for every dataset that counts toward budgets, the daily
 * effective cost of each team and of the whole dataset, per billing currency, over the last
 * {@value #HISTORY_DAYS} days, forecast to the end of the current quarter (which also covers the month). Runs after
 * each import and every six hours, in the background and under its job lock, so pages only read stored forecasts.
 */
@Component
public class BudgetForecastJob {

    static final String LOCK = "budget-forecasts";
    static final int HISTORY_DAYS = 120;
    private static final Logger log = LoggerFactory.getLogger(BudgetForecastJob.class);

    private final UsageDatasetService datasets;
    private final UsageQueryService usage;
    private final ComputeService compute;
    private final SpendForecastRepository forecasts;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final BackgroundWork work;
    private final DefaultLockingTaskExecutor locks;
    private final AtomicBoolean queued = new AtomicBoolean();

    public BudgetForecastJob(UsageDatasetService datasets, UsageQueryService usage, ComputeService compute,
                             SpendForecastRepository forecasts, TransactionTemplate tx, Clock clock,
                             BackgroundWork work, LockProvider lockProvider) {
        this.datasets = datasets;
        this.usage = usage;
        this.compute = compute;
        this.forecasts = forecasts;
        this.tx = tx;
        this.clock = clock;
        this.work = work;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
    }

    @Scheduled(fixedDelayString = "${burnrate.forecasts.fit-ms:21600000}", initialDelay = 45_000)
    @SchedulerLock(name = LOCK)
    void scheduled() {
        fit();
    }

    /** After spend data changed and the change committed, refits in the background; changes while queued share it. */
    @TransactionalEventListener(fallbackExecution = true)
    void onSpendChanged(SpendChanged event) {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        try {
            work.submit("the budget forecasts after a spend change", () -> {
                queued.set(false);
                try {
                    locks.executeWithLock((Runnable) this::fit,
                            new LockConfiguration(clock.instant(), LOCK, Duration.ofMinutes(30), Duration.ZERO));
                } catch (RuntimeException e) {
                    log.error("Refitting budget forecasts after a spend change ({}) failed; the scheduled fit"
                            + " tries again", event.source(), e);
                }
            });
        } catch (BackgroundWork.Busy busy) {
            queued.set(false);
            log.warn("Spend changed ({}) but no forecast fit could be queued: {}", event.source(), busy.getMessage());
        }
    }

    /** Fits every budget dataset's forecasts now; returns how many series were forecast. */
    public synchronized int fit() {
        return SystemRunner.callAsSystem(() -> {
            List<DatasetSummary> counted = datasets.datasets().stream()
                    .filter(d -> d.countsTowardBudgets() && d.versions() > 0).toList();
            int fitted = 0;
            for (DatasetSummary dataset : counted) {
                List<StoredSpendForecast> fits = fitDataset(dataset);
                tx.executeWithoutResult(s -> fits.forEach(forecasts::replace));
                fitted += fits.size();
            }
            tx.executeWithoutResult(s -> forecasts.keepOnly(counted.stream().map(DatasetSummary::name).toList()));
            log.info("Budget forecasts: {} series of {} dataset(s) fitted", fitted, counted.size());
            return fitted;
        });
    }

    private List<StoredSpendForecast> fitDataset(DatasetSummary dataset) {
        String version = usage.latestVersionKey(dataset.name());
        QueryResult daily = usage.explore(version, UsageQuery.builder()
                .groupBy(GroupKey.tag(dataset.teamTagKey()), GroupKey.dimension(UsageQueryService.BILLING_CURRENCY))
                .bucket(TimeBucket.DAY).sum(Metric.EFFECTIVE_COST).build());
        if (daily.rows().isEmpty()) {
            return List.of();
        }
        Instant last = daily.rows().stream().map(QueryResult.Row::bucket).max(Instant::compareTo).orElseThrow();
        Instant to = last.plus(1, ChronoUnit.DAYS);
        Instant from = to.minus(HISTORY_DAYS, ChronoUnit.DAYS);
        Instant quarterEnd = BudgetPeriod.QUARTER.window(later(to, clock.instant()), ZoneOffset.UTC).end();
        int horizon = (int) Duration.between(to, quarterEnd).toDays();
        if (horizon < 1) {
            return List.of();
        }
        SeriesBatch teams = SeriesBatches.from(daily, Metric.EFFECTIVE_COST, from, to, GapPolicy.ZERO);
        SeriesBatch batch = withDatasetTotals(teams);
        List<SeriesForecast> results;
        try {
            results = new Forecaster(compute.router(), clock).forecast(batch, ForecastService.seasonsOf(TimeBucket.DAY),
                    horizon);
        } catch (KernelException e) {
            throw new IllegalStateException("The forecast kernels failed for dataset " + dataset.name() + ": "
                    + e.getMessage(), e);
        }
        List<StoredSpendForecast> out = new ArrayList<>();
        for (int s = 0; s < batch.count(); s++) {
            SeriesForecast f = results.get(s);
            List<String> key = batch.keys().get(s);
            if (key.get(1) == null || !finite(f.point()) || !finite(f.p10()) || !finite(f.p90())) {
                log.warn("Dataset {}: no usable forecast for {} ({})", dataset.name(), key, f.model().reason());
                continue;
            }
            String scope = key.get(0) == null ? StoredSpendForecast.ALL : StoredSpendForecast.teamScope(key.get(0));
            out.add(new StoredSpendForecast(dataset.name(), version, scope, key.get(1), to, f.p10(), f.point(),
                    f.p90(), f.model()));
        }
        return out;
    }

    /**
     * Appends one series per currency with the whole dataset's spend (tagged and untagged rows), keyed
     * {@code [null, currency]}; untagged rows' own series are dropped (they belong to no team).
     */
    private static SeriesBatch withDatasetTotals(SeriesBatch teams) {
        Map<String, double[]> totals = new LinkedHashMap<>();
        List<List<String>> keys = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int s = 0; s < teams.count(); s++) {
            List<String> key = teams.keys().get(s);
            double[] series = teams.series(s);
            double[] total = totals.computeIfAbsent(key.get(1), c -> new double[teams.length()]);
            for (int t = 0; t < series.length; t++) {
                total[t] += series[t];
            }
            if (key.get(0) != null) {
                keys.add(key);
                rows.add(series);
            }
        }
        totals.forEach((currency, total) -> {
            keys.add(Arrays.asList(null, currency));
            rows.add(total);
        });
        double[] values = new double[rows.size() * teams.length()];
        for (int s = 0; s < rows.size(); s++) {
            System.arraycopy(rows.get(s), 0, values, s * teams.length(), teams.length());
        }
        return new SeriesBatch(keys, teams.start(), teams.step(), teams.length(), values);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static boolean finite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
