package dev.burnrate.engine.usage.store;

import dev.burnrate.engine.usage.schema.ColumnType;
import dev.burnrate.engine.usage.schema.FocusColumn;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.List;

/**
 * An opened dataset version: its record batches (memory-mapped for the hot tier) and the decoded dictionaries.
 * Gives the query engine NIO views of the Arrow buffers, so scans read primitives directly with no per-row
 * objects. Closing releases every batch; the caller that opened it owns it.
 */
public final class UsageTable implements AutoCloseable {

    private final List<FocusColumn> columns;
    private final List<VectorSchemaRoot> batches;
    private final String[][] dictionaries;
    private final Tier tier;
    private final long rowCount;

    UsageTable(List<FocusColumn> columns, List<VectorSchemaRoot> batches, String[][] dictionaries, Tier tier) {
        this.columns = List.copyOf(columns);
        this.batches = List.copyOf(batches);
        this.dictionaries = dictionaries;
        this.tier = tier;
        this.rowCount = batches.stream().mapToLong(VectorSchemaRoot::getRowCount).sum();
    }

    public List<FocusColumn> columns() {
        return columns;
    }

    public Tier tier() {
        return tier;
    }

    public long rowCount() {
        return rowCount;
    }

    public int batchCount() {
        return batches.size();
    }

    public int rows(int batch) {
        return batches.get(batch).getRowCount();
    }

    /** Position of a column, or -1 when this version does not have it. */
    public int columnIndex(String id) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    public ColumnType type(int column) {
        return columns.get(column).type();
    }

    /** The dictionary of a dictionary-encoded column, indexed by the values its index vectors hold. */
    public String[] dictionary(int column) {
        return dictionaries[column];
    }

    /** The vector itself, for code that needs Arrow's API (exports). */
    public FieldVector vector(int batch, int column) {
        return batches.get(batch).getVector(column);
    }

    public VectorSchemaRoot batch(int batch) {
        return batches.get(batch);
    }

    public IntBuffer indices(int batch, int column) {
        return data(batch, column, 4).asIntBuffer();
    }

    public DoubleBuffer doubles(int batch, int column) {
        return data(batch, column, 8).asDoubleBuffer();
    }

    public LongBuffer longs(int batch, int column) {
        return data(batch, column, 8).asLongBuffer();
    }

    private ByteBuffer data(int batch, int column, int width) {
        VectorSchemaRoot root = batches.get(batch);
        ArrowBuf buf = root.getVector(column).getDataBuffer();
        return buf.nioBuffer(0, root.getRowCount() * width).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The validity bitmap, or null when the column has no nulls in this batch (the common, fast case). */
    public ByteBuffer validity(int batch, int column) {
        VectorSchemaRoot root = batches.get(batch);
        FieldVector v = root.getVector(column);
        if (v.getNullCount() == 0) {
            return null;
        }
        return v.getValidityBuffer().nioBuffer(0, (root.getRowCount() + 7) >>> 3);
    }

    @Override
    public void close() {
        batches.forEach(VectorSchemaRoot::close);
    }
}
