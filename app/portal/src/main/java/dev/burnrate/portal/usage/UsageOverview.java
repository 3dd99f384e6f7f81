package dev.burnrate.portal.usage;

import dev.burnrate.engine.policy.budget.Amount;
import dev.burnrate.engine.usage.query.Metric;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.portal.home.OverviewFigure;
import dev.burnrate.portal.home.OverviewProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Overview figures: datasets and the effective cost of the last 30 days in each (scoped to the viewer's teams). */
@Component
class UsageOverview implements OverviewProvider {

    private final UsageDatasetService datasetService;
    private final UsageQueryService queries;
    private final Clock clock;

    UsageOverview(UsageDatasetService datasetService, UsageQueryService queries, Clock clock) {
        this.datasetService = datasetService;
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<OverviewFigure> figures() {
        List<DatasetSummary> datasets = datasetService.datasets();
        List<OverviewFigure> out = new ArrayList<>();
        out.add(new OverviewFigure("Usage", "Datasets", Integer.toString(datasets.size()),
                datasets.stream().mapToInt(DatasetSummary::versions).sum() + " versions", "usage"));
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(30));
        for (DatasetSummary d : datasets) {
            if (d.latestVersion() == null) {
                continue;
            }
            datasetService.latest(d.name()).ifPresent(v -> {
                // One figure per billing currency: amounts in different currencies are never added.
                Map<String, Double> perCurrency = queries.totalsByCurrency(v.key(), UsageQuery.builder()
                        .between(from, to).sum(Metric.EFFECTIVE_COST).build());
                String cost = perCurrency.isEmpty() ? "$0" : perCurrency.entrySet().stream()
                        .map(e -> wholeAmount(e.getValue(), e.getKey())).collect(Collectors.joining(" · "));
                out.add(new OverviewFigure("Usage", "Last 30 days · " + d.name(), cost,
                        v.scopedTotals() ? "effective cost of your teams" : "effective cost", "explorer"));
            });
        }
        return out;
    }

    /** e.g. {@code $1,234} or {@code ¥1,234,567 JPY}. */
    private static String wholeAmount(double value, String currency) {
        try {
            return Amount.format(value, currency, 0);
        } catch (IllegalArgumentException notIso) {
            return String.format(Locale.ROOT, "%,.0f %s", value, currency);
        }
    }
}
