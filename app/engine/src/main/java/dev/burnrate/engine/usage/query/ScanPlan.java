package dev.burnrate.engine.usage.query;

import dev.burnrate.engine.usage.ingest.Micros;
import dev.burnrate.engine.usage.store.UsageTable;

import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A query resolved against one table: filters become boolean masks over dimension ids, group keys become id
 * sources with known cardinalities, the time range becomes microsecond bounds and a bucketer. Everything a row
 * needs is then array reads.
 */
final class ScanPlan {

    final UsageTable table;
    final int startColumn;
    final long from;
    final long to;
    final boolean timeFiltered;
    final List<DimSource> filters = new ArrayList<>();
    final List<boolean[]> allowed = new ArrayList<>();
    final List<DimSource> groups = new ArrayList<>();
    final int[] metricColumns;
    final TimeBucketer bucketer;
    final boolean empty;

    ScanPlan(UsageTable table, UsageQuery q, TagIndexCache tags) {
        this.table = table;
        this.startColumn = table.columnIndex("ChargePeriodStart");
        this.from = q.from() == null ? Long.MIN_VALUE : Micros.of(q.from());
        this.to = q.to() == null ? Long.MAX_VALUE : Micros.of(q.to());
        this.timeFiltered = q.from() != null || q.to() != null;
        for (Map.Entry<String, Set<String>> f : q.dimensions().entrySet()) {
            addFilter(DimSource.of(table, GroupKey.dimension(f.getKey()), tags), f.getValue());
        }
        for (Map.Entry<String, Set<String>> f : q.tags().entrySet()) {
            addFilter(DimSource.of(table, GroupKey.tag(f.getKey()), tags), f.getValue());
        }
        if (q.scope() != null) {
            addFilter(DimSource.of(table, GroupKey.tag(q.scope().tagKey()), tags), q.scope().teams());
        }
        for (GroupKey k : q.groupBy()) {
            groups.add(DimSource.of(table, k, tags));
        }
        metricColumns = q.metrics().stream().mapToInt(m -> table.columnIndex(m.column())).toArray();
        long[] range = startRange();
        this.empty = range[0] > range[1];
        this.bucketer = empty ? null : new TimeBucketer(q.bucket(), range[0], range[1]);
    }

    private void addFilter(DimSource source, Set<String> values) {
        boolean[] ok = new boolean[source.cardinality()];
        for (String v : values) {
            int id = source.idOf(v);
            if (id >= 0) {
                ok[id] = true;
            }
        }
        filters.add(source);
        allowed.add(ok);
    }

    /** Smallest and largest ChargePeriodStart within the query's time range. */
    private long[] startRange() {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int b = 0; b < table.batchCount(); b++) {
            LongBuffer ts = table.longs(b, startColumn);
            int n = table.rows(b);
            for (int i = 0; i < n; i++) {
                long t = ts.get(i);
                if (t >= from && t < to) {
                    min = Math.min(min, t);
                    max = Math.max(max, t);
                }
            }
        }
        return new long[] {min, max};
    }

    /** Number of distinct group keys: product of cardinalities times buckets. */
    long totalKeys() {
        long k = bucketer == null ? 1 : bucketer.count();
        for (DimSource g : groups) {
            k = Math.multiplyExact(k, g.cardinality());
        }
        return k;
    }
}
