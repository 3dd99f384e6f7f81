package dev.burnrate.engine.usage.ingest;

import java.util.List;

/**
 * A batch of rows held column by column in flat arrays, one slot per stored column: the columnar counterpart of
 * {@link RowStaging}, used by sources that already have columns (Arrow). Dictionary columns hold raw ids (from
 * {@link RowAssembler#intern}); null slots hold 0.
 */
final class ColumnBatch {
    final int rows;
    final int[][] ids;
    final double[][] doubles;
    final long[][] longs;
    final String[][] texts;
    final boolean[][] nulls;
    final RowText text;

    ColumnBatch(int columns, int rows, RowText text) {
        this.rows = rows;
        this.ids = new int[columns][];
        this.doubles = new double[columns][];
        this.longs = new long[columns][];
        this.texts = new String[columns][];
        this.nulls = new boolean[columns][];
        this.text = text;
    }

    /** The source's text of a row, for the quarantine file. */
    interface RowText {
        List<String> row(int i);
    }
}
