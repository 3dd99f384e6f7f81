package dev.burnrate.engine.usage.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns accumulated keys back into labelled rows and applies top-N: groups (all buckets of a series together)
 * are ranked by their total of the rank metric; those past N are summed per bucket into one "Other" series.
 */
final class ResultBuilder {

    private final ScanPlan plan;
    private final UsageQuery query;
    private final int metrics;

    ResultBuilder(ScanPlan plan, UsageQuery query) {
        this.plan = plan;
        this.query = query;
        this.metrics = query.metrics().size();
    }

    QueryResult build(GroupAccumulator acc, long scanned, long matched) {
        List<String> labels = query.groupBy().stream().map(GroupKey::label).toList();
        if (acc == null) {
            return new QueryResult(labels, query.bucket(), query.metrics(), List.of(), scanned, matched);
        }
        int buckets = plan.bucketer.count();
        Map<Long, TreeMap<Integer, double[]>> series = new HashMap<>();
        acc.forEach((key, rows, sums, offset) -> series
                .computeIfAbsent(key / buckets, k -> new TreeMap<>())
                .put((int) (key % buckets), Arrays.copyOfRange(sums, offset, offset + metrics)));
        int rank = query.metrics().indexOf(query.rankBy());
        Map<Long, Double> totals = new HashMap<>();
        series.forEach((k, byBucket) -> totals.put(k, byBucket.values().stream()
                .mapToDouble(v -> rank < 0 ? 0 : v[rank]).sum()));
        List<Long> ordered = new ArrayList<>(series.keySet());
        ordered.sort(Comparator.comparingDouble((Long k) -> -totals.get(k)).thenComparing(Comparator.naturalOrder()));
        Set<Long> kept = new HashSet<>(query.topN() > 0 && ordered.size() > query.topN()
                ? ordered.subList(0, query.topN()) : ordered);
        List<QueryResult.Row> rows = new ArrayList<>();
        TreeMap<Integer, double[]> other = new TreeMap<>();
        for (Long k : ordered) {
            if (kept.contains(k)) {
                List<String> keys = decode(k);
                series.get(k).forEach((b, v) -> rows.add(new QueryResult.Row(keys, plan.bucketer.start(b), v)));
            } else {
                // sums then compensations (Neumaier), like the scan's own sums: "Other" is money too
                series.get(k).forEach((b, v) -> {
                    double[] o = other.computeIfAbsent(b, x -> new double[2 * metrics]);
                    for (int m = 0; m < metrics; m++) {
                        double t = o[m] + v[m];
                        o[metrics + m] += Math.abs(o[m]) >= Math.abs(v[m]) ? (o[m] - t) + v[m] : (v[m] - t) + o[m];
                        o[m] = t;
                    }
                });
            }
        }
        List<String> otherKeys = new ArrayList<>();
        for (int g = 0; g < labels.size(); g++) {
            otherKeys.add(g == 0 ? UsageQuery.OTHER : null);
        }
        other.forEach((b, v) -> {
            double[] total = new double[metrics];
            for (int m = 0; m < metrics; m++) {
                total[m] = v[m] + v[metrics + m];
            }
            rows.add(new QueryResult.Row(java.util.Collections.unmodifiableList(otherKeys),
                    plan.bucketer.start(b), total));
        });
        return new QueryResult(labels, query.bucket(), query.metrics(), rows, scanned, matched);
    }

    private List<String> decode(long seriesKey) {
        int n = plan.groups.size();
        String[] keys = new String[n];
        long k = seriesKey;
        for (int g = n - 1; g >= 0; g--) {
            DimSource d = plan.groups.get(g);
            keys[g] = d.label((int) (k % d.cardinality()));
            k /= d.cardinality();
        }
        return java.util.Collections.unmodifiableList(Arrays.asList(keys));
    }
}
