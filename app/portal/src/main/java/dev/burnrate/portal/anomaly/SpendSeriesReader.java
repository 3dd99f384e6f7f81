package dev.burnrate.portal.anomaly;

import dev.burnrate.engine.timeseries.GapPolicy;
import dev.burnrate.engine.timeseries.SeriesBatch;
import dev.burnrate.engine.timeseries.SeriesBatches;
import dev.burnrate.engine.usage.query.GroupKey;
import dev.burnrate.engine.usage.query.Metric;
import dev.burnrate.engine.usage.query.QueryResult;
import dev.burnrate.engine.usage.query.TimeBucket;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.portal.usage.DatasetSummary;
import dev.burnrate.portal.usage.UsageDatasetService;
import dev.burnrate.portal.usage.UsageQueryService;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reads a team's daily effective cost from the newest version of every dataset (whether it counts toward budgets
 * or not: a spike is worth knowing about either way), one dataset at a time: the
 * team's total per billing currency, and its split by each root-cause dimension. Amounts in different currencies
 * are never added. Callers run it as {@code system}: a monitor watches the whole team's spend.
 */
@Component
class SpendSeriesReader {

    /** The dimensions a deviation is explained by, most specific first. */
    static final List<String> CAUSE_DIMENSIONS = List.of("ResourceId", "ServiceName", "SubAccountName", "RegionId");
    /** Enough history for weekly cycles and a robust level, without reading years of exports. */
    static final Duration HISTORY = Duration.ofDays(120);

    private final UsageDatasetService datasets;
    private final UsageQueryService usage;

    SpendSeriesReader(UsageDatasetService datasets, UsageQueryService usage) {
        this.datasets = datasets;
        this.usage = usage;
    }

    /** The team's series in each dataset that has any of its spend, unscored. */
    List<Unscored> read(String team) {
        List<DatasetSummary> withData = datasets.datasets().stream()
                .filter(d -> d.versions() > 0).toList();
        List<Unscored> out = new ArrayList<>();
        for (DatasetSummary dataset : withData) {
            String version = usage.latestVersionKey(dataset.name());
            UsageQuery.Builder total = teamDaily(dataset, team)
                    .groupBy(GroupKey.dimension(UsageQueryService.BILLING_CURRENCY));
            QueryResult parents = usage.explore(version, total.build());
            if (parents.rows().isEmpty()) {
                continue;
            }
            Instant last = parents.rows().stream().map(QueryResult.Row::bucket).max(Instant::compareTo).orElseThrow();
            Instant first = parents.rows().stream().map(QueryResult.Row::bucket).min(Instant::compareTo).orElseThrow();
            Instant to = last.plus(1, ChronoUnit.DAYS);
            Instant from = first.isAfter(to.minus(HISTORY)) ? first : to.minus(HISTORY);
            Map<String, SeriesBatch> children = new LinkedHashMap<>();
            for (String dimension : CAUSE_DIMENSIONS) {
                QueryResult split = usage.explore(version, teamDaily(dataset, team).between(from, to)
                        .groupBy(GroupKey.dimension(UsageQueryService.BILLING_CURRENCY))
                        .groupBy(GroupKey.dimension(dimension)).build());
                children.put(dimension, SeriesBatches.from(split, Metric.EFFECTIVE_COST, from, to, GapPolicy.ZERO));
            }
            String label = withData.size() > 1 ? team + " · " + dataset.name() : team;
            out.add(new Unscored(label, SeriesBatches.from(parents, Metric.EFFECTIVE_COST, from, to, GapPolicy.ZERO),
                    children));
        }
        return out;
    }

    private static UsageQuery.Builder teamDaily(DatasetSummary dataset, String team) {
        return UsageQuery.builder().whereTag(dataset.teamTagKey(), team).bucket(TimeBucket.DAY)
                .sum(Metric.EFFECTIVE_COST);
    }

    /** A team's series before scoring. */
    record Unscored(String label, SeriesBatch parents, Map<String, SeriesBatch> children) {

        SeriesSet scoredBy(PointScorer scorer) {
            Map<String, SeriesSet.Children> scored = new LinkedHashMap<>();
            children.forEach((dimension, batch) -> scored.put(dimension,
                    new SeriesSet.Children(batch, scorer.score(batch))));
            return new SeriesSet(label, parents, scorer.score(parents), scored);
        }
    }
}
