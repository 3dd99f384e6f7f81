package dev.burnrate.engine.usage.ingest;

import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Field;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports an Arrow IPC file or stream whose columns are named as in FOCUS (any Arrow types that convert:
 * dictionary or plain strings, floats or decimals, timestamps of any unit, or text). Compressed IPC buffers
 * (ZSTD, LZ4) are read too. Every row goes through the same validation as a CSV row.
 */
public final class ArrowIpcSource implements FocusSource {

    private final Path file;
    private final InputStream stream;

    private ArrowIpcSource(Path file, InputStream stream) {
        this.file = file;
        this.stream = stream;
    }

    public static ArrowIpcSource file(Path file) {
        return new ArrowIpcSource(file, null);
    }

    /** An Arrow IPC stream; the caller closes it. */
    public static ArrowIpcSource stream(InputStream in) {
        return new ArrowIpcSource(null, in);
    }

    @Override
    public String format() {
        return file != null ? "arrow-file" : "arrow-stream";
    }

    @Override
    public void readInto(ImportSession session) throws IOException {
        if (file != null) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
                 ArrowFileReader reader = new ArrowFileReader(ch, session.allocator(),
                         CommonsCompressionFactory.INSTANCE)) {
                read(reader, session);
            }
        } else {
            try (ArrowStreamReader reader = new ArrowStreamReader(new NonClosingStream(stream), session.allocator(),
                    CommonsCompressionFactory.INSTANCE)) {
                read(reader, session);
            }
        }
    }

    private static void read(ArrowReader reader, ImportSession session) throws IOException {
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        List<String> header = root.getSchema().getFields().stream().map(Field::getName).toList();
        ColumnLayout layout = session.layoutFor(header);
        if (layout == null) {
            return;
        }
        RowAssembler assembler = session.open(layout, header);
        // A file's footer lists its record batches: progress by batches loaded. A stream cannot tell.
        int batches = reader instanceof ArrowFileReader file ? file.getRecordBlocks().size() : 0;
        int[] loaded = {0};
        if (batches > 0) {
            assembler.trackFraction(() -> loaded[0] / (double) batches);
        }
        long rowNumber = 0;
        while (reader.loadNextBatch()) {
            loaded[0]++;
            ColumnBatch columnar = ColumnarArrowBatch.convert(root, reader, layout, assembler);
            if (columnar != null) {
                assembler.append(columnar);
                rowNumber += columnar.rows;
                continue;
            }
            List<ArrowCellFeeder> feeders = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                FieldVector v = root.getVector(i);
                var encoding = v.getField().getDictionary();
                Dictionary dictionary = encoding == null ? null : reader.getDictionaryVectors().get(encoding.getId());
                int target = layout.targetOf(i);
                feeders.add(ArrowCellFeeder.of(v, dictionary, target, layout.columns().get(target).type(), assembler));
            }
            int rows = root.getRowCount();
            for (int r = 0; r < rows; r++) {
                assembler.beginRow(++rowNumber, 0);
                for (ArrowCellFeeder f : feeders) {
                    f.feed(r, assembler);
                }
                int row = r;
                assembler.endRow(() -> feeders.stream().map(f -> f.text(row)).toList());
            }
        }
    }

    /** The session owns neither the caller's stream nor its closing. */
    private static final class NonClosingStream extends java.io.FilterInputStream {
        NonClosingStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller closes the stream
        }
    }
}
