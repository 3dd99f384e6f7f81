package dev.burnrate.engine.usage.ingest;

import dev.burnrate.engine.usage.schema.ColumnType;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.ArrowType;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts an Arrow batch to a {@link ColumnBatch} with bulk copies when every column has a columnar path
 * (dictionary indices, float64, timestamps, UTF-8), which is the case for files Burnrate itself wrote and for most
 * FOCUS exports in Arrow. Dictionary entries are interned once per batch; indices are then remapped with one
 * array read each. Returns null when some column needs the row-by-row path.
 */
final class ColumnarArrowBatch {

    private ColumnarArrowBatch() {
    }

    static ColumnBatch convert(VectorSchemaRoot root, ArrowReader reader, ColumnLayout layout, RowAssembler a)
            throws IOException {
        int n = root.getRowCount();
        int width = layout.columns().size();
        List<FieldVector> vectors = root.getFieldVectors();
        ColumnBatch b = new ColumnBatch(width, n, i -> text(vectors, reader, i));
        for (int s = 0; s < vectors.size(); s++) {
            FieldVector v = vectors.get(s);
            int c = layout.targetOf(s);
            ColumnType type = layout.columns().get(c).type();
            boolean[] nulls = nulls(v, n);
            b.nulls[c] = nulls;
            var encoding = v.getField().getDictionary();
            if (encoding != null && v instanceof BaseIntVector idx && type.dictionaryEncoded()) {
                Dictionary d = reader.getDictionaryVectors().get(encoding.getId());
                FieldVector dict = d.getVector();
                int[] raw = new int[dict.getValueCount()];
                for (int k = 0; k < raw.length; k++) {
                    Object o = dict.getObject(k);
                    raw[k] = a.intern(c, o == null ? "" : o.toString());
                }
                int[] ids = new int[n];
                for (int i = 0; i < n; i++) {
                    ids[i] = nulls[i] ? 0 : raw[(int) idx.getValueAsLong(i)];
                }
                b.ids[c] = ids;
            } else if (encoding == null && v instanceof Float8Vector f && type == ColumnType.DECIMAL) {
                double[] d = new double[n];
                f.getDataBuffer().nioBuffer(0, n * 8).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(d);
                for (int i = 0; i < n; i++) {
                    if (nulls[i]) {
                        d[i] = 0.0;
                    }
                }
                b.doubles[c] = d;
            } else if (encoding == null && v instanceof TimeStampVector t && type == ColumnType.DATETIME) {
                long[] l = new long[n];
                t.getDataBuffer().nioBuffer(0, n * 8).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(l);
                scale(l, nulls, ((ArrowType.Timestamp) v.getField().getType()).getUnit());
                b.longs[c] = l;
            } else if (encoding == null && v instanceof VarCharVector s2
                    && (type == ColumnType.EXTRA || type.dictionaryEncoded())) {
                if (type == ColumnType.EXTRA) {
                    String[] texts = new String[n];
                    for (int i = 0; i < n; i++) {
                        texts[i] = nulls[i] ? null : new String(s2.get(i), StandardCharsets.UTF_8);
                    }
                    b.texts[c] = texts;
                } else {
                    int[] ids = new int[n];
                    for (int i = 0; i < n; i++) {
                        ids[i] = nulls[i] ? 0 : a.intern(c, new String(s2.get(i), StandardCharsets.UTF_8));
                    }
                    b.ids[c] = ids;
                }
            } else {
                return null;
            }
        }
        return b;
    }

    private static boolean[] nulls(FieldVector v, int n) {
        boolean[] nulls = new boolean[n];
        if (v.getNullCount() > 0) {
            for (int i = 0; i < n; i++) {
                nulls[i] = v.isNull(i);
            }
        }
        return nulls;
    }

    private static void scale(long[] l, boolean[] nulls, org.apache.arrow.vector.types.TimeUnit unit) {
        for (int i = 0; i < l.length; i++) {
            long x = nulls[i] ? 0 : l[i];
            l[i] = switch (unit) {
                case SECOND -> x * 1_000_000L;
                case MILLISECOND -> x * 1_000L;
                case MICROSECOND -> x;
                case NANOSECOND -> Math.floorDiv(x, 1_000L);
            };
        }
    }

    private static List<String> text(List<FieldVector> vectors, ArrowReader reader, int i) {
        List<String> out = new ArrayList<>();
        for (FieldVector v : vectors) {
            Object o = v.getObject(i);
            var encoding = v.getField().getDictionary();
            if (o != null && encoding != null) {
                try {
                    o = reader.getDictionaryVectors().get(encoding.getId()).getVector().getObject(((Number) o).intValue());
                } catch (IOException e) {
                    o = "?";
                }
            }
            out.add(o == null ? "" : o.toString());
        }
        return out;
    }
}
