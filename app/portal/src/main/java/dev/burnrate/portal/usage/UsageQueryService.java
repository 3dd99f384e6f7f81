package dev.burnrate.portal.usage;

import dev.burnrate.engine.usage.query.GroupKey;
import dev.burnrate.engine.usage.query.Metric;
import dev.burnrate.engine.usage.query.QueryResult;
import dev.burnrate.engine.usage.query.UsageQuery;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
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
     * Effective cost per value of a tag (e.g. {@code team}) in {@code [from, to)} on a dataset's newest version;
     * untagged rows are summed under {@code null}. Team scoping applies. For budgets and policies.
     */
    @PermitAll
    public Map<String, Double> spendByTag(String dataset, String tagKey, Instant from, Instant to) {
        String latest = tables.latestVersion(dataset);
        QueryResult r = tables.query(latest, UsageQuery.builder().between(from, to).groupBy(GroupKey.tag(tagKey))
                .sum(Metric.EFFECTIVE_COST).build());
        Map<String, Double> out = new LinkedHashMap<>();
        r.rows().forEach(row -> out.merge(row.keys().getFirst(), row.values()[0], Double::sum));
        return out;
    }

    /** {@link #spendByTag} by the dataset's team tag. */
    @PermitAll
    public Map<String, Double> spendByTeam(String dataset, Instant from, Instant to) {
        String key = repository.findDataset(dataset).orElseThrow().teamTagKey();
        return spendByTag(dataset, key, from, to);
    }
}
