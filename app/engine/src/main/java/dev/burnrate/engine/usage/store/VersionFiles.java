package dev.burnrate.engine.usage.store;

import dev.burnrate.engine.usage.schema.FocusColumn;
import dev.burnrate.engine.usage.schema.StoredSchema;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.flatbuf.Footer;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.SeekableReadChannel;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.ipc.message.ArrowDictionaryBatch;
import org.apache.arrow.vector.ipc.message.ArrowFooter;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Opens stored version files as {@link UsageTable}s: hot ones memory-mapped, cold ones decompressed. */
final class VersionFiles {

    private static final byte[] MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);

    private VersionFiles() {
    }

    /**
     * Opens an uncompressed file on its shared mapping (made on first use); vectors point into the mapping and keep
     * it mapped until the table is closed.
     */
    static UsageTable openMapped(Path file, BufferAllocator allocator, MappedFiles mappings) throws IOException {
        List<VectorSchemaRoot> batches = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ArrowFooter footer = readFooter(ch, file);
            List<FocusColumn> columns = StoredSchema.columnsOf(footer.getSchema());
            Schema memory = StoredSchema.of(columns);
            String[][] dictionaries = readDictionaries(ch, footer, columns, allocator);
            MappedFiles.Mapping mapping = mappings.acquire(file, f -> mapBodies(ch, footer));
            try {
                List<ArrowBlock> blocks = footer.getRecordBatches();
                for (int i = 0; i < blocks.size(); i++) {
                    batches.add(loadBatch(ch, blocks.get(i), memory, allocator, mapping, mapping.body(i)));
                }
            } catch (IOException | RuntimeException e) {
                batches.forEach(VectorSchemaRoot::close);
                throw e;
            } finally {
                mapping.release();
            }
            return new UsageTable(columns, batches, dictionaries, Tier.HOT);
        }
    }

    /** Opens a file read only once (a staged version): its mapping is unmapped when the table is closed. */
    static UsageTable openMappedOnce(Path file, BufferAllocator allocator) throws IOException {
        try (MappedFiles once = new MappedFiles(1)) {
            return openMapped(file, allocator, once);
        }
    }

    private static List<MappedByteBuffer> mapBodies(FileChannel ch, ArrowFooter footer) throws IOException {
        List<MappedByteBuffer> bodies = new ArrayList<>();
        for (ArrowBlock block : footer.getRecordBatches()) {
            bodies.add(ch.map(FileChannel.MapMode.READ_ONLY, block.getOffset() + block.getMetadataLength(),
                    block.getBodyLength()));
        }
        return bodies;
    }

    private static ArrowFooter readFooter(FileChannel ch, Path file) throws IOException {
        long size = ch.size();
        ByteBuffer tail = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        if (size < 18 || ch.read(tail, size - 10) != 10 || !tail.slice(4, 6).equals(ByteBuffer.wrap(MAGIC))) {
            throw new IOException(file + " is not an Arrow IPC file");
        }
        int footerLength = tail.getInt(0);
        ByteBuffer footer = ByteBuffer.allocate(footerLength).order(ByteOrder.LITTLE_ENDIAN);
        ch.read(footer, size - 10 - footerLength);
        footer.flip();
        return new ArrowFooter(Footer.getRootAsFooter(footer));
    }

    private static VectorSchemaRoot loadBatch(FileChannel ch, ArrowBlock block, Schema memory,
                                              BufferAllocator allocator, MappedFiles.Mapping mapping,
                                              MappedByteBuffer body) throws IOException {
        ByteBuffer meta = ByteBuffer.allocate(block.getMetadataLength()).order(ByteOrder.LITTLE_ENDIAN);
        ch.read(meta, block.getOffset());
        int start = meta.getInt(0) == -1 ? 8 : 4;
        Message message = Message.getRootAsMessage(meta.position(start).slice().order(ByteOrder.LITTLE_ENDIAN));
        MappedRegion region = new MappedRegion(mapping, body);
        ArrowBuf bodyBuf;
        try {
            bodyBuf = allocator.wrapForeignAllocation(region);
        } catch (RuntimeException e) {
            region.unused(); // refused (e.g. over the job's memory limit): Arrow never took it over
            throw e;
        }
        VectorSchemaRoot root = null;
        // deserializeRecordBatch takes over the reference to bodyBuf and releases it.
        try (ArrowRecordBatch batch = MessageSerializer.deserializeRecordBatch(message, bodyBuf)) {
            root = VectorSchemaRoot.create(memory, allocator);
            new VectorLoader(root).load(batch);
            return root;
        } catch (IOException | RuntimeException e) {
            if (root != null) {
                root.close();
            }
            throw e;
        }
    }

    private static String[][] readDictionaries(FileChannel ch, ArrowFooter footer, List<FocusColumn> columns,
                                               BufferAllocator allocator) throws IOException {
        String[][] out = new String[columns.size()][];
        SeekableReadChannel in = new SeekableReadChannel(ch);
        for (ArrowBlock block : footer.getDictionaries()) {
            in.setPosition(block.getOffset());
            try (ArrowDictionaryBatch batch = MessageSerializer.deserializeDictionaryBatch(in, block, allocator);
                 VectorSchemaRoot root = VectorSchemaRoot.of(new VarCharVector("dictionary", allocator))) {
                VarCharVector values = (VarCharVector) root.getVector(0);
                new VectorLoader(root).load(batch.getDictionary());
                out[(int) batch.getDictionaryId()] = strings(values);
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).type().dictionaryEncoded() && out[c] == null) {
                out[c] = new String[0];
            }
        }
        return out;
    }

    static String[] strings(VarCharVector v) {
        String[] s = new String[v.getValueCount()];
        for (int i = 0; i < s.length; i++) {
            s[i] = v.isNull(i) ? "" : new String(v.get(i), StandardCharsets.UTF_8);
        }
        return s;
    }

    /** Reads and decompresses a (cold) file into memory owned by the allocator. */
    static UsageTable openDecompressed(Path file, BufferAllocator allocator) throws IOException {
        List<VectorSchemaRoot> batches = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
             ArrowFileReader reader = new ArrowFileReader(ch, allocator, CommonsCompressionFactory.INSTANCE)) {
            List<FocusColumn> columns = StoredSchema.columnsOf(reader.getVectorSchemaRoot().getSchema());
            Schema memory = StoredSchema.of(columns);
            String[][] dictionaries = new String[columns.size()][];
            for (Map.Entry<Long, Dictionary> e : reader.getDictionaryVectors().entrySet()) {
                dictionaries[e.getKey().intValue()] = strings((VarCharVector) e.getValue().getVector());
            }
            try {
                for (ArrowBlock block : reader.getRecordBlocks()) {
                    reader.loadRecordBatch(block);
                    VectorSchemaRoot source = reader.getVectorSchemaRoot();
                    VectorSchemaRoot copy = VectorSchemaRoot.create(memory, allocator);
                    for (int i = 0; i < columns.size(); i++) {
                        FieldVector from = source.getVector(i);
                        from.makeTransferPair(copy.getVector(i)).transfer();
                    }
                    copy.setRowCount(source.getRowCount());
                    batches.add(copy);
                }
            } catch (IOException | RuntimeException e) {
                batches.forEach(VectorSchemaRoot::close);
                throw e;
            }
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).type().dictionaryEncoded() && dictionaries[c] == null) {
                    dictionaries[c] = new String[0];
                }
            }
            return new UsageTable(columns, batches, dictionaries, Tier.COLD);
        }
    }
}
