package dev.burnrate.engine.usage.ingest;

import dev.burnrate.engine.usage.schema.ColumnType;
import dev.burnrate.engine.usage.schema.FocusColumn;
import dev.burnrate.engine.usage.store.VersionFileWriter;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Collects rows in flat primitive arrays and turns each full batch into Arrow vectors with bulk copies, which is
 * several times faster than setting vector slots one by one. Null metrics are stored as 0.0 under a cleared
 * validity bit, so a sum over the data buffer alone is already correct.
 */
final class BatchBuilder {

    private final ColumnType[] types;
    private final int capacity;
    private final VersionFileWriter writer;
    private final int[][] ids;
    private final double[][] doubles;
    private final long[][] longs;
    private final String[][] texts;
    private final boolean[][] nulls;
    private int rows;
    private long rowsWritten;

    BatchBuilder(List<FocusColumn> columns, int capacity, VersionFileWriter writer) {
        int n = columns.size();
        this.types = new ColumnType[n];
        this.capacity = capacity;
        this.writer = writer;
        this.ids = new int[n][];
        this.doubles = new double[n][];
        this.longs = new long[n][];
        this.texts = new String[n][];
        this.nulls = new boolean[n][capacity];
        for (int c = 0; c < n; c++) {
            types[c] = columns.get(c).type();
            switch (types[c]) {
                case STRING, JSON -> ids[c] = new int[capacity];
                case DECIMAL -> doubles[c] = new double[capacity];
                case DATETIME -> longs[c] = new long[capacity];
                case EXTRA -> texts[c] = new String[capacity];
            }
        }
    }

    /** Appends the staged row; writes a batch when full. */
    void append(RowStaging row) throws IOException {
        int r = rows;
        for (int c = 0; c < types.length; c++) {
            boolean isNull = row.nulls[c];
            nulls[c][r] = isNull;
            switch (types[c]) {
                case STRING, JSON -> ids[c][r] = isNull ? 0 : row.ids[c];
                case DECIMAL -> doubles[c][r] = isNull ? 0.0 : row.doubles[c];
                case DATETIME -> longs[c][r] = isNull ? 0L : row.longs[c];
                case EXTRA -> texts[c][r] = isNull ? null : row.texts[c];
            }
        }
        if (++rows == capacity) {
            flush();
        }
    }

    /** Appends the kept rows of a columnar batch, flushing whenever a batch fills up (same boundaries as rows). */
    void append(ColumnBatch b, boolean[] keep) throws IOException {
        int i = 0;
        while (i < b.rows) {
            int take = Math.min(capacity - rows, b.rows - i);
            if (keep == null) {
                for (int c = 0; c < types.length; c++) {
                    System.arraycopy(b.nulls[c], i, nulls[c], rows, take);
                    switch (types[c]) {
                        case STRING, JSON -> System.arraycopy(b.ids[c], i, ids[c], rows, take);
                        case DECIMAL -> System.arraycopy(b.doubles[c], i, doubles[c], rows, take);
                        case DATETIME -> System.arraycopy(b.longs[c], i, longs[c], rows, take);
                        case EXTRA -> System.arraycopy(b.texts[c], i, texts[c], rows, take);
                    }
                }
                rows += take;
                i += take;
            } else {
                int end = i + take;
                for (; i < end; i++) {
                    if (keep[i]) {
                        copyRow(b, i);
                    }
                }
            }
            if (rows == capacity) {
                flush();
            }
        }
    }

    private void copyRow(ColumnBatch b, int i) {
        int r = rows++;
        for (int c = 0; c < types.length; c++) {
            nulls[c][r] = b.nulls[c][i];
            switch (types[c]) {
                case STRING, JSON -> ids[c][r] = b.ids[c][i];
                case DECIMAL -> doubles[c][r] = b.doubles[c][i];
                case DATETIME -> longs[c][r] = b.longs[c][i];
                case EXTRA -> texts[c][r] = b.texts[c][i];
            }
        }
    }

    long rowsWritten() {
        return rowsWritten;
    }

    void flush() throws IOException {
        if (rows == 0) {
            return;
        }
        VectorSchemaRoot root = writer.root();
        for (int c = 0; c < types.length; c++) {
            var vector = root.getVector(c);
            if (types[c] == ColumnType.EXTRA) {
                fillText((VarCharVector) vector, texts[c]);
            } else {
                fillFixed((BaseFixedWidthVector) vector, c);
            }
        }
        root.setRowCount(rows);
        writer.writeBatch();
        rowsWritten += rows;
        rows = 0;
    }

    private void fillFixed(BaseFixedWidthVector v, int c) {
        v.allocateNew(rows);
        ArrowBuf data = v.getDataBuffer();
        var nio = data.nioBuffer(0, (int) data.capacity()).order(ByteOrder.LITTLE_ENDIAN);
        switch (types[c]) {
            case STRING, JSON -> nio.asIntBuffer().put(ids[c], 0, rows);
            case DECIMAL -> nio.asDoubleBuffer().put(doubles[c], 0, rows);
            default -> nio.asLongBuffer().put(longs[c], 0, rows);
        }
        ArrowBuf validity = v.getValidityBuffer();
        boolean[] isNull = nulls[c];
        byte[] bits = new byte[(rows + 7) >>> 3];
        for (int r = 0; r < rows; r++) {
            if (!isNull[r]) {
                bits[r >>> 3] |= (byte) (1 << (r & 7));
            }
        }
        validity.setBytes(0, bits);
        v.setValueCount(rows);
    }

    private void fillText(VarCharVector v, String[] values) {
        v.allocateNew(rows);
        for (int r = 0; r < rows; r++) {
            if (values[r] == null) {
                v.setNull(r);
            } else {
                v.setSafe(r, values[r].getBytes(StandardCharsets.UTF_8));
            }
        }
        v.setValueCount(rows);
    }
}
