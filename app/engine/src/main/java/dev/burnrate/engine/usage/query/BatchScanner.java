package dev.burnrate.engine.usage.query;

import dev.burnrate.engine.usage.store.UsageTable;

import java.nio.DoubleBuffer;
import java.nio.LongBuffer;

/**
 * Scans batches column at a time, the way vectorised engines do: a selection vector of matching rows, then one
 * tight loop per filter, per group column and per metric over NIO views of the Arrow buffers. No object is made
 * per row; the loops are simple enough for the JIT to unroll.
 */
final class BatchScanner {

    private final ScanPlan plan;
    private final GroupAccumulator acc;
    private final int[] sel;
    private final int[] ids;
    private final long[] keys;
    private final int[] slots;
    private long scanned;
    private long matched;

    BatchScanner(ScanPlan plan, GroupAccumulator acc, int maxRows) {
        this.plan = plan;
        this.acc = acc;
        this.sel = new int[maxRows];
        this.ids = new int[maxRows];
        this.keys = new long[maxRows];
        this.slots = new int[maxRows];
    }

    long scanned() {
        return scanned;
    }

    long matched() {
        return matched;
    }

    private boolean all;

    /** Fills the selection vector with the batch's matching rows and returns how many there are. */
    int select(int batch) {
        UsageTable table = plan.table;
        int n = table.rows(batch);
        LongBuffer ts = table.longs(batch, plan.startColumn);
        int count = n;
        all = true;
        if (plan.timeFiltered) {
            count = 0;
            for (int i = 0; i < n; i++) {
                long t = ts.get(i);
                if (t >= plan.from && t < plan.to) {
                    sel[count++] = i;
                }
            }
            all = count == n;
        }
        for (int f = 0; f < plan.filters.size() && count > 0; f++) {
            plan.filters.get(f).ids(batch, sel, count, all, ids);
            boolean[] ok = plan.allowed.get(f);
            int k = 0;
            for (int j = 0; j < count; j++) {
                if (ok[ids[j]]) {
                    sel[k++] = all ? j : sel[j];
                }
            }
            all = all && k == count;
            count = k;
        }
        if (all) {
            for (int i = 0; i < count; i++) {
                sel[i] = i;
            }
        }
        return count;
    }

    int[] selection() {
        return sel;
    }

    void scan(int batch) {
        UsageTable table = plan.table;
        scanned += table.rows(batch);
        LongBuffer ts = table.longs(batch, plan.startColumn);
        int count = select(batch);
        if (count == 0) {
            return;
        }
        matched += count;
        java.util.Arrays.fill(keys, 0, count, 0L);
        for (DimSource g : plan.groups) {
            g.ids(batch, sel, count, all, ids);
            long card = g.cardinality();
            for (int j = 0; j < count; j++) {
                keys[j] = keys[j] * card + ids[j];
            }
        }
        bucketKeys(ts, count, all);
        acc.slots(keys, count, slots);
        for (int m = 0; m < plan.metricColumns.length; m++) {
            int column = plan.metricColumns[m];
            if (column >= 0) {
                sum(table.doubles(batch, column), m, count, all);
            }
        }
    }

    private void bucketKeys(LongBuffer ts, int count, boolean all) {
        TimeBucketer b = plan.bucketer;
        if (b.bucket() == TimeBucket.NONE) {
            return;
        }
        long nb = b.count();
        long origin = b.origin();
        long width = b.width();
        int[] months = b.monthOfDay();
        for (int j = 0; j < count; j++) {
            long t = ts.get(all ? j : sel[j]);
            int step = (int) ((t - origin) / width);
            keys[j] = keys[j] * nb + (months == null ? step : months[step]);
        }
    }

    private void sum(DoubleBuffer values, int metric, int count, boolean all) {
        if (all) {
            for (int j = 0; j < count; j++) {
                acc.add(metric, slots[j], values.get(j));
            }
        } else {
            for (int j = 0; j < count; j++) {
                acc.add(metric, slots[j], values.get(sel[j]));
            }
        }
    }
}
