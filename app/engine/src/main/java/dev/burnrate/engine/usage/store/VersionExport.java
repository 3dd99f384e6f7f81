package dev.burnrate.engine.usage.store;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.burnrate.engine.usage.ingest.Micros;
import dev.burnrate.engine.usage.schema.StoredSchema;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a version out for download: as an Arrow IPC stream (dictionaries first, as every reader expects, no
 * compression) or as FOCUS CSV (ISO 8601 UTC times, plain decimals, empty cells for nulls).
 */
public final class VersionExport {

    private VersionExport() {
    }

    public static void writeArrowStream(UsageTable table, OutputStream out, BufferAllocator allocator)
            throws IOException {
        var schema = StoredSchema.of(table.columns());
        DictionaryProvider.MapDictionaryProvider provider = new DictionaryProvider.MapDictionaryProvider();
        List<FieldVector> dictionaryVectors = new ArrayList<>();
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            for (int c = 0; c < table.columns().size(); c++) {
                Field f = schema.getFields().get(c);
                if (f.getDictionary() == null) {
                    continue;
                }
                VarCharVector v = new VarCharVector(new Field(f.getName(),
                        new FieldType(false, ArrowType.Utf8.INSTANCE, null), null), allocator);
                dictionaryVectors.add(v);
                String[] values = table.dictionary(c);
                v.allocateNew(values.length);
                for (int i = 0; i < values.length; i++) {
                    v.setSafe(i, values[i].getBytes(StandardCharsets.UTF_8));
                }
                v.setValueCount(values.length);
                provider.put(new Dictionary(v, f.getDictionary()));
            }
            try (ArrowStreamWriter writer = new ArrowStreamWriter(root, provider, out)) {
                writer.start();
                for (int b = 0; b < table.batchCount(); b++) {
                    try (ArrowRecordBatch batch = new VectorUnloader(table.batch(b)).getRecordBatch()) {
                        new VectorLoader(root).load(batch);
                    }
                    writer.writeBatch();
                }
                writer.end();
            }
        } finally {
            dictionaryVectors.forEach(FieldVector::close);
        }
    }

    public static void writeCsv(UsageTable table, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvWriter csv = CsvWriter.builder().build(w);
        int n = table.columns().size();
        csv.writeRecord(table.columns().stream().map(c -> c.id()).toList());
        String[] cells = new String[n];
        for (int b = 0; b < table.batchCount(); b++) {
            // NIO views made once per batch, not per cell.
            FieldVector[] vectors = new FieldVector[n];
            java.nio.Buffer[] views = new java.nio.Buffer[n];
            for (int c = 0; c < n; c++) {
                vectors[c] = table.vector(b, c);
                views[c] = switch (table.type(c)) {
                    case STRING, JSON -> table.indices(b, c);
                    case DECIMAL -> table.doubles(b, c);
                    case DATETIME -> table.longs(b, c);
                    case EXTRA -> null;
                };
            }
            for (int r = 0; r < table.rows(b); r++) {
                for (int c = 0; c < n; c++) {
                    cells[c] = cell(table, c, vectors[c], views[c], r);
                }
                csv.writeRecord(cells);
            }
        }
        csv.flush();
        w.flush();
    }

    private static String cell(UsageTable t, int c, FieldVector v, java.nio.Buffer view, int r) {
        if (v.isNull(r)) {
            return "";
        }
        return switch (t.type(c)) {
            case STRING, JSON -> t.dictionary(c)[((java.nio.IntBuffer) view).get(r)];
            case DECIMAL -> BigDecimal.valueOf(((java.nio.DoubleBuffer) view).get(r)).stripTrailingZeros().toPlainString();
            case DATETIME -> Micros.toInstant(((java.nio.LongBuffer) view).get(r)).toString();
            case EXTRA -> new String(((VarCharVector) v).get(r), StandardCharsets.UTF_8);
        };
    }
}
