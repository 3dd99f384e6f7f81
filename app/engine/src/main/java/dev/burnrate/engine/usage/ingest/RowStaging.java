package dev.burnrate.engine.usage.ingest;

/** The typed values of the row being assembled, one slot per stored column. Reused for every row. */
final class RowStaging {
    final int[] ids;
    final double[] doubles;
    final long[] longs;
    final String[] texts;
    final boolean[] nulls;

    RowStaging(int columns) {
        ids = new int[columns];
        doubles = new double[columns];
        longs = new long[columns];
        texts = new String[columns];
        nulls = new boolean[columns];
    }

    /** Every column starts null: a source that lacks a column leaves it so. */
    void clear() {
        java.util.Arrays.fill(nulls, true);
    }
}
