package dev.burnrate.engine.usage.store;

import dev.burnrate.engine.usage.ingest.FocusSource;
import dev.burnrate.engine.usage.ingest.ImportSession;
import dev.burnrate.engine.usage.ingest.Micros;
import dev.burnrate.engine.usage.ingest.RowAssembler;
import dev.burnrate.engine.usage.schema.ColumnType;
import dev.burnrate.engine.usage.schema.FocusColumn;
import dev.burnrate.engine.usage.schema.FocusColumns;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

import java.io.IOException;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds the rows of stored versions (all, or those a {@link RowSelector} picks) into a new import, over the union
 * of their columns. The base of append, filter and merge: the result is validated and written like any import.
 * Dictionary entries are mapped once per source dictionary, so rows move as integers and doubles.
 */
final class TableSource implements FocusSource {

    private final List<UsageTable> tables;
    private final RowSelector selector;

    TableSource(List<UsageTable> tables, RowSelector selector) {
        this.tables = List.copyOf(tables);
        this.selector = selector;
    }

    @Override
    public String format() {
        return "version";
    }

    static List<FocusColumn> union(List<UsageTable> tables) {
        Map<String, FocusColumn> all = new LinkedHashMap<>();
        tables.forEach(t -> t.columns().forEach(c -> all.putIfAbsent(c.id(), c)));
        List<FocusColumn> out = new ArrayList<>(all.values());
        out.sort(Comparator.comparingInt(c -> c.isFocus() ? FocusColumns.ordinal(c.id()) : Integer.MAX_VALUE));
        return out;
    }

    @Override
    public void readInto(ImportSession session) throws IOException {
        List<FocusColumn> columns = union(tables);
        RowAssembler assembler = session.startStored(columns);
        long rowNumber = 0;
        for (UsageTable table : tables) {
            int n = table.columns().size();
            int[] target = new int[n];
            int[][] rawIds = new int[n][];
            boolean[] absent = new boolean[columns.size()];
            java.util.Arrays.fill(absent, true);
            for (int c = 0; c < n; c++) {
                target[c] = columns.indexOf(table.columns().get(c));
                absent[target[c]] = false;
                if (table.type(c).dictionaryEncoded()) {
                    String[] dict = table.dictionary(c);
                    rawIds[c] = new int[dict.length];
                    for (int i = 0; i < dict.length; i++) {
                        rawIds[c][i] = assembler.intern(target[c], dict[i]);
                    }
                }
            }
            assembler.setAbsentColumns(absent);
            for (int b = 0; b < table.batchCount(); b++) {
                int rows = table.rows(b);
                boolean[] keep = selector == null ? null : selector.select(table, b);
                BatchViews views = new BatchViews(table, b);
                for (int r = 0; r < rows; r++) {
                    if (keep != null && !keep[r]) {
                        continue;
                    }
                    assembler.beginRow(++rowNumber, 0);
                    for (int c = 0; c < n; c++) {
                        views.feed(c, r, target[c], rawIds[c], assembler);
                    }
                    int batch = b;
                    int row = r;
                    assembler.endRow(() -> text(table, batch, row));
                }
            }
        }
    }

    /** NIO views of one batch's columns, made once per batch rather than per cell. */
    private static final class BatchViews {
        private final ColumnType[] types;
        private final FieldVector[] vectors;
        private final IntBuffer[] indices;
        private final DoubleBuffer[] doubles;
        private final LongBuffer[] longs;

        BatchViews(UsageTable t, int b) {
            int n = t.columns().size();
            types = new ColumnType[n];
            vectors = new FieldVector[n];
            indices = new IntBuffer[n];
            doubles = new DoubleBuffer[n];
            longs = new LongBuffer[n];
            for (int c = 0; c < n; c++) {
                types[c] = t.type(c);
                vectors[c] = t.vector(b, c);
                switch (types[c]) {
                    case STRING, JSON -> indices[c] = t.indices(b, c);
                    case DECIMAL -> doubles[c] = t.doubles(b, c);
                    case DATETIME -> longs[c] = t.longs(b, c);
                    case EXTRA -> { }
                }
            }
        }

        void feed(int c, int r, int target, int[] rawIds, RowAssembler a) {
            if (vectors[c].isNull(r)) {
                return;
            }
            switch (types[c]) {
                case STRING, JSON -> a.dictionaryValue(target, rawIds[indices[c].get(r)]);
                case DECIMAL -> a.decimal(target, doubles[c].get(r));
                case DATETIME -> a.micros(target, longs[c].get(r));
                case EXTRA -> a.value(target, new String(((VarCharVector) vectors[c]).get(r), StandardCharsets.UTF_8));
            }
        }
    }

    /** A row as text, for the quarantine file (rows of stored versions are already valid, so rarely needed). */
    static List<String> text(UsageTable t, int b, int r) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < t.columns().size(); c++) {
            FieldVector v = t.vector(b, c);
            if (v.isNull(r)) {
                out.add("");
                continue;
            }
            out.add(switch (t.type(c)) {
                case STRING, JSON -> t.dictionary(c)[t.indices(b, c).get(r)];
                case DECIMAL -> Double.toString(t.doubles(b, c).get(r));
                case DATETIME -> Micros.toInstant(t.longs(b, c).get(r)).toString();
                case EXTRA -> new String(((VarCharVector) v).get(r), StandardCharsets.UTF_8);
            });
        }
        return out;
    }

    /** Picks the rows of a batch to keep. */
    interface RowSelector {
        boolean[] select(UsageTable table, int batch);
    }
}
