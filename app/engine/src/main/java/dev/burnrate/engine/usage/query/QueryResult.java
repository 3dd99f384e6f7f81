package dev.burnrate.engine.usage.query;

import dev.burnrate.engine.usage.store.Totals;
import java.time.Instant;
import java.util.List;

/**
 * Groups and their sums, ordered by rank (largest {@code rankBy} first, "Other" last) and then by time.
 *
 * @param groupLabels  one label per group key
 * @param rowsScanned  rows read
 * @param rowsMatched  rows that passed the filters and scope
 */
public record QueryResult(List<String> groupLabels, TimeBucket bucket, List<Metric> metrics, List<Row> rows,
                          long rowsScanned, long rowsMatched) {

    public QueryResult {
        groupLabels = List.copyOf(groupLabels);
        metrics = List.copyOf(metrics);
        rows = List.copyOf(rows);
    }

    /**
     * One group (and time bucket).
     *
     * @param keys   the group's values, one per group key; null where the row had no value
     * @param bucket start of the time bucket, or null without bucketing
     */
    public record Row(List<String> keys, Instant bucket, double[] values) {
        /** The first key, or "(total)" when the query has no group keys. */
        public String label() {
            return keys.isEmpty() ? "(total)" : keys.stream().map(k -> k == null ? "(none)" : k)
                    .collect(java.util.stream.Collectors.joining(" / "));
        }

        public double value(int metricIndex) {
            return values[metricIndex];
        }
    }

    /** Sum of one metric over all rows of the result (compensated, like the groups' own sums). */
    public double total(Metric metric) {
        int m = metrics.indexOf(metric);
        Totals.CompensatedSum s = new Totals.CompensatedSum();
        for (Row r : rows) {
            s.add(r.values()[m]);
        }
        return s.sum();
    }
}
