package dev.burnrate.engine.usage.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A question to the query engine. Filters combine with AND; the values of one filter with OR. The value
 * {@link #NULL} matches rows where the dimension or tag is absent.
 *
 * @param from       inclusive lower bound on ChargePeriodStart, or null
 * @param to         exclusive upper bound on ChargePeriodStart, or null
 * @param dimensions dimension column to allowed values
 * @param tags       tag key to allowed values
 * @param scope      team scoping (see {@link TeamScope}), or null for none
 * @param groupBy    group keys, possibly empty (one total row per time bucket)
 * @param bucket     time bucketing
 * @param metrics    metrics to sum, in result order
 * @param topN       keep the N largest groups by {@code rankBy} and sum the rest into "Other"; 0 keeps all
 * @param rankBy     the metric that ranks groups for top-N
 */
public record UsageQuery(Instant from, Instant to, Map<String, Set<String>> dimensions, Map<String, Set<String>> tags,
                         TeamScope scope, List<GroupKey> groupBy, TimeBucket bucket, List<Metric> metrics, int topN,
                         Metric rankBy) {

    /** The filter value that selects nulls. */
    public static final String NULL = "\u0000null";
    /** The label of the bucket that holds every group outside the top N. */
    public static final String OTHER = "Other";

    public UsageQuery {
        dimensions = copy(dimensions);
        tags = copy(tags);
        groupBy = List.copyOf(groupBy);
        metrics = List.copyOf(metrics.isEmpty() ? List.of(Metric.EFFECTIVE_COST) : metrics);
        bucket = bucket == null ? TimeBucket.NONE : bucket;
        rankBy = rankBy == null ? metrics.getFirst() : rankBy;
        if (topN < 0) {
            throw new IllegalArgumentException("topN must not be negative");
        }
    }

    private static Map<String, Set<String>> copy(Map<String, Set<String>> m) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, Set.copyOf(v)));
        return Map.copyOf(out);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent construction; every part optional. */
    public static final class Builder {
        private Instant from;
        private Instant to;
        private final Map<String, Set<String>> dimensions = new LinkedHashMap<>();
        private final Map<String, Set<String>> tags = new LinkedHashMap<>();
        private TeamScope scope;
        private final List<GroupKey> groupBy = new ArrayList<>();
        private TimeBucket bucket = TimeBucket.NONE;
        private final List<Metric> metrics = new ArrayList<>();
        private int topN;
        private Metric rankBy;

        public Builder between(Instant from, Instant to) {
            this.from = from;
            this.to = to;
            return this;
        }

        public Builder where(String column, String... values) {
            dimensions.computeIfAbsent(column, k -> new LinkedHashSet<>()).addAll(List.of(values));
            return this;
        }

        public Builder whereTag(String key, String... values) {
            tags.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(List.of(values));
            return this;
        }

        public Builder scope(TeamScope scope) {
            this.scope = scope;
            return this;
        }

        public Builder groupBy(GroupKey... keys) {
            groupBy.addAll(List.of(keys));
            return this;
        }

        public Builder groupBy(String... columns) {
            for (String c : columns) {
                groupBy.add(GroupKey.dimension(c));
            }
            return this;
        }

        public Builder bucket(TimeBucket b) {
            this.bucket = b;
            return this;
        }

        public Builder sum(Metric... m) {
            metrics.addAll(List.of(m));
            return this;
        }

        public Builder top(int n, Metric by) {
            this.topN = n;
            this.rankBy = by;
            return this;
        }

        public UsageQuery build() {
            return new UsageQuery(from, to, dimensions, tags, scope, groupBy, bucket, metrics, topN, rankBy);
        }
    }
}
