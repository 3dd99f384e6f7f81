package dev.burnrate.portal.forecast;

import static dev.burnrate.portal.db.Tables.TEAMS;

import dev.burnrate.api.KernelException;
import dev.burnrate.engine.forecast.Forecaster;
import dev.burnrate.engine.forecast.Seasons;
import dev.burnrate.engine.forecast.SeriesForecast;
import dev.burnrate.engine.timeseries.GapPolicy;
import dev.burnrate.engine.timeseries.SeriesBatch;
import dev.burnrate.engine.timeseries.SeriesBatches;
import dev.burnrate.engine.usage.query.QueryResult;
import dev.burnrate.engine.usage.query.TimeBucket;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.portal.compute.ComputeService;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.usage.UsageQueryService;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spend forecasts for explorer queries: each group of an hourly or daily query is forecast to the end of the month
 * or quarter by the engine's forecaster (models chosen per series by rolling-origin validation) on the compute
 * backend the calibration chose. Team scoping is the query's: a user forecasts only the rows they may see.
 */
@Service
public class ForecastService {

    private final UsageQueryService usage;
    private final ComputeService compute;
    private final Clock clock;
    private final SpendForecastRepository stored;
    private final CurrentUser currentUser;
    private final DSLContext dsl;

    public ForecastService(UsageQueryService usage, ComputeService compute, Clock clock,
                           SpendForecastRepository stored, CurrentUser currentUser, DSLContext dsl) {
        this.usage = usage;
        this.compute = compute;
        this.clock = clock;
        this.stored = stored;
        this.currentUser = currentUser;
        this.dsl = dsl;
    }

    /**
     * The stored daily spend forecasts (P10, P50, P90 per day, per dataset, budget scope and currency) the user may
     * see: ADMIN and FINANCE every scope; everyone else their own teams' ({@code team:<name>}) only, never the
     * all-teams scope, which adds other teams' spend.
     */
    @PermitAll
    @Transactional(readOnly = true)
    public List<StoredSpendForecast> storedForecasts() {
        List<StoredSpendForecast> all = stored.all();
        if (currentUser.seesAllTeams()) {
            return all;
        }
        Set<Long> ids = currentUser.teamIds();
        Set<String> scopes = ids.isEmpty() ? Set.of() : dsl.select(TEAMS.NAME).from(TEAMS).where(TEAMS.ID.in(ids))
                .fetch(TEAMS.NAME).stream().map(StoredSpendForecast::teamScope).collect(Collectors.toSet());
        return all.stream().filter(f -> scopes.contains(f.scope())).toList();
    }

    /** The seasonal cycles spend has at a bucket size: a day and a week of hours, or a week of days. */
    public static Seasons seasonsOf(TimeBucket bucket) {
        return switch (bucket) {
            case HOUR -> Seasons.of(24);
            case DAY -> new Seasons(7, 0);
            default -> throw new IllegalArgumentException("forecasts need hourly or daily buckets, not " + bucket);
        };
    }

    /**
     * Forecasts every group of {@code query} (which must be bucketed by hour or day). The history is the query's
     * window, or all the version's data when the query has no bounds; the forecast starts after its last bucket.
     */
    @PermitAll
    public List<GroupForecast> forecast(String versionKey, UsageQuery query, ForecastHorizon horizon) {
        Seasons seasons = seasonsOf(query.bucket());
        QueryResult result = usage.explore(versionKey, query);
        if (result.rows().isEmpty()) {
            return List.of();
        }
        Instant first = result.rows().stream().map(QueryResult.Row::bucket).min(Instant::compareTo).orElseThrow();
        Instant last = result.rows().stream().map(QueryResult.Row::bucket).max(Instant::compareTo).orElseThrow();
        Duration step = query.bucket() == TimeBucket.HOUR ? Duration.ofHours(1) : Duration.ofDays(1);
        Instant from = query.from() != null ? query.from() : first;
        Instant to = query.to() != null && query.to().isBefore(last.plus(step)) ? query.to() : last.plus(step);
        SeriesBatch batch = SeriesBatches.from(result, query.metrics().getFirst(), from, to, GapPolicy.ZERO);
        int steps = (int) Duration.between(batch.end(), horizon.endAfter(batch.end())).dividedBy(step);
        List<SeriesForecast> forecasts;
        try {
            forecasts = new Forecaster(compute.router(), clock).forecast(batch, seasons, steps);
        } catch (KernelException e) {
            throw new IllegalStateException("The forecast kernels failed: " + e.getMessage(), e);
        }
        List<Instant> history = new ArrayList<>();
        for (int t = 0; t < batch.length(); t++) {
            history.add(batch.time(t));
        }
        List<Instant> future = new ArrayList<>();
        for (int h = 0; h < steps; h++) {
            future.add(batch.time(batch.length() + h));
        }
        List<GroupForecast> out = new ArrayList<>();
        for (int s = 0; s < batch.count(); s++) {
            SeriesForecast f = forecasts.get(s);
            String label = new QueryResult.Row(batch.keys().get(s), null, new double[0]).label();
            out.add(new GroupForecast(label, history, batch.series(s), future, f.p10(), f.point(), f.p90(),
                    f.lower95(), f.upper95(), f.model()));
        }
        return out;
    }
}
