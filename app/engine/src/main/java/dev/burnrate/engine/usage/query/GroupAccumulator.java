package dev.burnrate.engine.usage.query;

import java.util.Arrays;

/**
 * Sums per group key. Dense (an array indexed by the key) when the key space is small, which is the usual case
 * for dimensions x time buckets; otherwise an open-addressing hash from key to slot. Keys are combined group ids
 * and bucket numbers (see {@link ScanPlan#totalKeys()}).
 */
final class GroupAccumulator {

    static final long DENSE_LIMIT = 1 << 22;

    private final int metrics;
    private final boolean dense;
    private double[] sums;
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
        sums[slot * metrics + metric] += v;
    }

    double[] sums() {
        return sums;
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

    /** Calls back for each group with rows: its key, row count and sums. */
    void forEach(GroupVisitor visitor) {
        int n = dense ? counts.length : used;
        for (int s = 0; s < n; s++) {
            if (counts[s] > 0) {
                visitor.visit(dense ? s : slotKeys[s], counts[s], sums, s * metrics);
            }
        }
    }

    /** Adds another accumulator's groups (used to merge per-chunk partial results in a fixed order). */
    void merge(GroupAccumulator other) {
        int[] slot = new int[1];
        long[] key = new long[1];
        other.forEach((k, rows, s, offset) -> {
            key[0] = k;
            slots(key, 1, slot);
            counts[slot[0]] += rows - 1;
            for (int m = 0; m < metrics; m++) {
                sums[slot[0] * metrics + m] += s[offset + m];
            }
        });
    }

    interface GroupVisitor {
        void visit(long key, long rows, double[] sums, int offset);
    }
}
