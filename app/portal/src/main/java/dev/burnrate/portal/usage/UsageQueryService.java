package dev.burnrate.portal.usage;

import dev.burnrate.engine.usage.query.GroupKey;
import dev.burnrate.engine.usage.query.Metric;
import dev.burnrate.engine.usage.query.QueryResult;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.engine.usage.query.TimeBucket;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * Questions about usage: the explorer's queries and filter values, and spend per tag for budgets and policies.
 * Open to anyone signed in; every answer is team-scoped (users see only their teams' rows unless ADMIN or FINANCE).
 */
@Service
public class UsageQueryService {

    /** The FOCUS column every cost of a row is in. */
    public static final String BILLING_CURRENCY = "BillingCurrency";
    /** How rows without a billing currency are labelled (imports refuse them, but old versions may have some). */
    public static final String NO_CURRENCY = "(no currency)";

    private final UsageRepository repository;
    private final VersionTables tables;

    public UsageQueryService(UsageRepository repository, VersionTables tables) {
        this.repository = repository;
        this.tables = tables;
    }

    /** Runs a query on a version; team-scoped users get only their teams' rows. */
    @PermitAll
    public QueryResult explore(String versionKey, UsageQuery query) {
        return tables.query(versionKey, query);
    }

    /** Distinct values of a dimension (or {@code tag:key}) in a version, for filter pickers. */
    @PermitAll
    public List<String> values(String versionKey, String dimension) {
        GroupKey key = dimension.startsWith("tag:") ? GroupKey.tag(dimension.substring(4)) : GroupKey.dimension(dimension);
        QueryResult r = tables.query(versionKey, UsageQuery.builder().groupBy(key).sum(Metric.EFFECTIVE_COST).build());
        return r.rows().stream().map(row -> row.keys().getFirst()).filter(Objects::nonNull).sorted().toList();
    }

    /** Tag keys present in a version. */
    @PermitAll
    public List<String> tagKeys(String versionKey) {
        return tables.tagKeys(versionKey);
    }

    /**
     * Effective cost in one billing currency per value of a tag (e.g. {@code team}) in {@code [from, to)} on a
     * dataset's newest version; untagged rows are summed under {@code null}. Rows in other currencies are left out:
     * amounts in different currencies are never added. Team scoping applies. For budgets and policies.
     */
    @PermitAll
    public Map<String, Double> spendByTag(String dataset, String tagKey, String currency, Instant from, Instant to) {
        String latest = tables.latestVersion(dataset);
        QueryResult r = tables.query(latest, UsageQuery.builder().between(from, to).groupBy(GroupKey.tag(tagKey))
                .where(BILLING_CURRENCY, currency).sum(Metric.EFFECTIVE_COST).build());
        Map<String, Double> out = new LinkedHashMap<>();
        r.rows().forEach(row -> out.merge(row.keys().getFirst(), row.values()[0], Double::sum));
        return out;
    }

    /** {@link #spendByTag} by the dataset's team tag. */
    @PermitAll
    public Map<String, Double> spendByTeam(String dataset, String currency, Instant from, Instant to) {
        String key = repository.findDataset(dataset).orElseThrow().teamTagKey();
        return spendByTag(dataset, key, currency, from, to);
    }

    /** The key of a dataset's newest version (versions never change, so figures of a key can be kept). */
    @PermitAll
    public String latestVersionKey(String dataset) {
        return tables.latestVersion(dataset);
    }

    /**
     * Effective cost per tag value, billing currency and UTC day in {@code [from, to)} of one version: what budgets
     * need to count each currency apart and convert it at the rate of its day. Team scoping applies.
     */
    @PermitAll
    public List<TaggedSpend> dailySpendByTagAndCurrency(String versionKey, String tagKey, Instant from, Instant to) {
        QueryResult r = tables.query(versionKey, UsageQuery.builder().between(from, to)
                .groupBy(GroupKey.tag(tagKey), GroupKey.dimension(BILLING_CURRENCY)).bucket(TimeBucket.DAY)
                .sum(Metric.EFFECTIVE_COST).build());
        return r.rows().stream().map(row -> new TaggedSpend(row.keys().get(0), row.keys().get(1),
                LocalDate.ofInstant(row.bucket(), ZoneOffset.UTC), row.values()[0])).toList();
    }

    /**
     * The totals of a query's metric per billing currency, largest first (same filters, no grouping, no top-N):
     * the explorer shows one total per currency, never a sum across them. Team scoping applies.
     */
    @PermitAll
    public Map<String, Double> totalsByCurrency(String versionKey, UsageQuery query) {
        Metric metric = query.metrics().getFirst();
        UsageQuery perCurrency = new UsageQuery(query.from(), query.to(), query.dimensions(), query.tags(),
                query.scope(), List.of(GroupKey.dimension(BILLING_CURRENCY)), TimeBucket.NONE, List.of(metric), 0,
                metric);
        Map<String, Double> out = new LinkedHashMap<>();
        tables.query(versionKey, perCurrency).rows().stream()
                .sorted((a, b) -> Double.compare(Math.abs(b.values()[0]), Math.abs(a.values()[0])))
                .forEach(row -> out.merge(Objects.requireNonNullElse(row.keys().getFirst(), NO_CURRENCY),
                        row.values()[0], Double::sum));
        return out;
    }
}
