package dev.burnrate.engine.usage.query;

import dev.burnrate.engine.usage.store.UsageTable;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;

/**
 * A dimension as the scanner sees it: small integer ids 0..cardinality-1, the last one standing for null. A
 * plain column yields its dictionary indices; a tag key yields the Tags indices remapped through the
 * {@link TagIndex}; a column the version lacks yields null for every row.
 */
final class DimSource {

    private final UsageTable table;
    private final int column;
    private final int[] remap;
    private final String[] labels;

    private DimSource(UsageTable table, int column, int[] remap, String[] labels) {
        this.table = table;
        this.column = column;
        this.remap = remap;
        this.labels = labels;
    }

    static DimSource of(UsageTable table, GroupKey key, TagIndexCache tags) {
        if (key.tag()) {
            int tagsColumn = table.columnIndex("Tags");
            if (tagsColumn < 0) {
                return new DimSource(table, -1, null, new String[0]);
            }
            TagIndex.TagColumn t = tags.get(table).column(key.name());
            return new DimSource(table, tagsColumn, t.valueOf(), t.values());
        }
        int c = table.columnIndex(key.name());
        if (c < 0) {
            return new DimSource(table, -1, null, new String[0]);
        }
        if (!table.type(c).dictionaryEncoded()) {
            throw new IllegalArgumentException(key.name() + " is not a dimension: it cannot be grouped or filtered");
        }
        return new DimSource(table, c, null, table.dictionary(c));
    }

    /** Number of ids, including the null id. */
    int cardinality() {
        return labels.length + 1;
    }

    int nullId() {
        return labels.length;
    }

    /** The value of an id, null for the null id. */
    String label(int id) {
        return id == labels.length ? null : labels[id];
    }

    /** The id of a value, or -1 when no row can have it. */
    int idOf(String value) {
        if (UsageQuery.NULL.equals(value)) {
            return nullId();
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].equals(value)) {
                return i;
            }
        }
        return -1;
    }

    /** Writes the ids of the selected rows of a batch into {@code out}. */
    void ids(int batch, int[] sel, int count, boolean all, int[] out) {
        if (column < 0) {
            java.util.Arrays.fill(out, 0, count, nullId());
            return;
        }
        IntBuffer idx = table.indices(batch, column);
        ByteBuffer validity = table.validity(batch, column);
        int nullId = nullId();
        if (remap == null && validity == null) {
            if (all) {
                idx.get(0, out, 0, count);
            } else {
                for (int j = 0; j < count; j++) {
                    out[j] = idx.get(sel[j]);
                }
            }
            return;
        }
        for (int j = 0; j < count; j++) {
            int i = all ? j : sel[j];
            int v;
            if (validity != null && (validity.get(i >>> 3) & (1 << (i & 7))) == 0) {
                v = nullId;
            } else {
                v = idx.get(i);
                if (remap != null) {
                    v = remap[v];
                    if (v < 0) {
                        v = nullId;
                    }
                }
            }
            out[j] = v;
        }
    }
}
