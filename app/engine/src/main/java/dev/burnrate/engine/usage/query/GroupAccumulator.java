package dev.burnrate.engine.usage.query;

import java.util.Arrays;

/**
 * Sums per group key. Dense (an array indexed by the key) when the key space is small, which is the usual case
 * for dimensions x time buckets; otherwise an open-addressing hash from key to slot. Keys are combined group ids
 * and bucket numbers (see {@link ScanPlan#totalKeys()}).
 * <p>
 * Sums are compensated (Neumaier's variant of Kahan summation, a second array holds each sum's running error), so
 * a group's total over millions of rows of money is the correctly rounded float64 of the exact decimal sum, not one
 * that drifts by a rounding error per row. No allocation per row; one add costs a few more flops.
 */
final class GroupAccumulator {

    static final long DENSE_LIMIT = 1 << 22;

    private final int metrics;
    private final boolean dense;
    private double[] sums;
    private double[] compensations;
    private long[] counts;
    // sparse
    private long[] slotKeys;
    private long[] table;
    private int used;

    GroupAccumulator(long totalKeys, int metrics) {
        this.metrics = metrics;
        this.dense = totalKeys * Math.max(metrics, 1) <= DENSE_LIMIT;
        int slots = dense ? (int) totalKeys : 1024;
        sums = new double[slots * metrics];
        compensations = new double[slots * metrics];
        counts = new long[slots];
        if (!dense) {
            slotKeys = new long[slots];
            table = new long[2048];
            Arrays.fill(table, -1);
        }
    }

    boolean dense() {
        return dense;
    }

    /** Turns keys into slots (in place, as ints) and counts the rows. */
    void slots(long[] keys, int count, int[] slots) {
        if (dense) {
            for (int j = 0; j < count; j++) {
                int s = (int) keys[j];
                slots[j] = s;
                counts[s]++;
            }
            return;
        }
        for (int j = 0; j < count; j++) {
            int s = slotOf(keys[j]);
            slots[j] = s;
            counts[s]++;
        }
    }

    void add(int metric, int slot, double v) {
        addCompensated(slot * metrics + metric, v);
    }

    /** Neumaier's step: the low-order bits lost by {@code sum + v} go to the compensation. */
    private void addCompensated(int i, double v) {
        double sum = sums[i];
        double t = sum + v;
        if (Math.abs(sum) >= Math.abs(v)) {
            compensations[i] += (sum - t) + v;
        } else {
            compensations[i] += (v - t) + sum;
        }
        sums[i] = t;
    }

    private int slotOf(long key) {
        int mask = table.length - 1;
        int h = (int) (mix(key) & mask);
        while (true) {
            long e = table[h];
            if (e == -1) {
                int s = used++;
                if (s == slotKeys.length) {
                    grow();
                }
                slotKeys[s] = key;
                table[h] = s;
                if (used * 2 > table.length) {
                    rehash();
                }
                return s;
            }
            if (slotKeys[(int) e] == key) {
                return (int) e;
            }
            h = (h + 1) & mask;
        }
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        return k ^ (k >>> 33);
    }

    private void grow() {
        int n = slotKeys.length * 2;
        slotKeys = Arrays.copyOf(slotKeys, n);
        counts = Arrays.copyOf(counts, n);
        sums = Arrays.copyOf(sums, n * metrics);
        compensations = Arrays.copyOf(compensations, n * metrics);
    }

    private void rehash() {
        long[] t = new long[table.length * 2];
        Arrays.fill(t, -1);
        int mask = t.length - 1;
        for (int s = 0; s < used; s++) {
            int h = (int) (mix(slotKeys[s]) & mask);
            while (t[h] != -1) {
                h = (h + 1) & mask;
            }
            t[h] = s;
        }
        table = t;
    }

    /** Calls back for each group with rows: its key, row count and (compensated) sums. */
    void forEach(GroupVisitor visitor) {
        int n = dense ? counts.length : used;
        double[] totals = new double[metrics];
        for (int s = 0; s < n; s++) {
            if (counts[s] > 0) {
                for (int m = 0; m < metrics; m++) {
                    totals[m] = sums[s * metrics + m] + compensations[s * metrics + m];
                }
                visitor.visit(dense ? s : slotKeys[s], counts[s], totals, 0);
            }
        }
    }

    /**
     * Adds another accumulator's groups (used to merge per-chunk partial results in a fixed order). Sums and their
     * compensations are merged separately, so the merged total loses nothing a single scan would have kept.
     */
    void merge(GroupAccumulator other) {
        int[] slot = new int[1];
        long[] key = new long[1];
        int n = other.dense ? other.counts.length : other.used;
        for (int s = 0; s < n; s++) {
            if (other.counts[s] == 0) {
                continue;
            }
            key[0] = other.dense ? s : other.slotKeys[s];
            slots(key, 1, slot);
            counts[slot[0]] += other.counts[s] - 1;
            for (int m = 0; m < metrics; m++) {
                int i = slot[0] * metrics + m;
                addCompensated(i, other.sums[s * metrics + m]);
                compensations[i] += other.compensations[s * metrics + m];
            }
        }
    }

    interface GroupVisitor {
        void visit(long key, long rows, double[] sums, int offset);
    }
}
