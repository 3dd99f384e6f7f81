package dev.burnrate.portal.finance;

import dev.burnrate.engine.usage.query.GroupKey;
import dev.burnrate.engine.usage.query.QueryResult;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.portal.provisioning.MeteredUsageFeed;
import dev.burnrate.portal.usage.DatasetSummary;
import dev.burnrate.portal.usage.UsageDatasetService;
import dev.burnrate.portal.usage.UsageQueryService;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * The billing data finance figures are computed from: the newest version of every dataset that counts toward
 * budgets, plus Burnrate's own metered usage, pinned so a figure can name (and recompute from) what it read.
 * Sums keep each billing currency apart and are exact decimals ({@link Cents}); nothing is rounded here.
 * Team scoping applies as in every usage query: ENGINEER users see their teams' rows only.
 */
@Service
public class BillingData {

    private final UsageDatasetService datasets;
    private final UsageQueryService usage;

    public BillingData(UsageDatasetService datasets, UsageQueryService usage) {
        this.datasets = datasets;
        this.usage = usage;
    }

    /** The versions finance figures read now. */
    @PermitAll
    public DataVersions current() {
        List<PinnedVersion> pinned = new ArrayList<>();
        for (DatasetSummary d : datasets.datasets()) {
            boolean counts = d.countsTowardBudgets() || d.name().equals(MeteredUsageFeed.DATASET);
            if (counts && d.versions() > 0) {
                pinned.add(new PinnedVersion(d.name(), usage.latestVersionKey(d.name()), d.teamTagKey()));
            }
        }
        return new DataVersions(pinned);
    }

    /**
     * Runs a query on every pinned version and adds the results up per group, bucket and billing currency.
     * {@code queryFor} builds the query for a dataset's team tag key (team scopes and team groupings use it); its
     * first metric is summed. Groups with the same keys in several datasets are added (same currency only).
     */
    @PermitAll
    public List<SpendRow> sum(DataVersions versions, Function<String, UsageQuery> queryFor) {
        Map<List<Object>, SpendRow> merged = new LinkedHashMap<>();
        for (PinnedVersion v : versions.versions()) {
            UsageQuery q = withCurrency(queryFor.apply(v.teamTagKey()));
            int currencyIndex = q.groupBy().size() - 1;
            for (QueryResult.Row row : usage.explore(v.versionKey(), q).rows()) {
                List<String> keys = new ArrayList<>(row.keys().subList(0, currencyIndex));
                String currency = Objects.requireNonNullElse(row.keys().get(currencyIndex),
                        UsageQueryService.NO_CURRENCY);
                BigDecimal amount = Cents.exact(row.values()[0]);
                List<Object> id = new ArrayList<>(keys);
                id.add(row.bucket());
                id.add(currency);
                merged.merge(id, new SpendRow(keys, row.bucket(), currency, amount),
                        (a, b) -> new SpendRow(a.keys(), a.bucket(), a.currency(), a.amount().add(b.amount())));
            }
        }
        return List.copyOf(merged.values());
    }

    private static UsageQuery withCurrency(UsageQuery q) {
        List<GroupKey> groupBy = new ArrayList<>(q.groupBy());
        groupBy.add(GroupKey.dimension(UsageQueryService.BILLING_CURRENCY));
        return new UsageQuery(q.from(), q.to(), q.dimensions(), q.tags(), q.scope(), groupBy, q.bucket(),
                List.of(q.metrics().getFirst()), 0, q.metrics().getFirst());
    }

    /** The exact total of one currency's rows. */
    public static BigDecimal total(List<SpendRow> rows, String currency) {
        return rows.stream().filter(r -> r.currency().equals(currency)).map(SpendRow::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
