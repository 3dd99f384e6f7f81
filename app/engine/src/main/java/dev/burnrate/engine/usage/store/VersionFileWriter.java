package dev.burnrate.engine.usage.store;

import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes one version as an Arrow IPC file whose dictionaries are written after the record batches.
 *
 * <p>A streaming import only knows a dimension's full dictionary at the end, and the IPC file format allows one
 * dictionary per column (no replacement). The file footer locates dictionary and record blocks by offset, so
 * readers do not depend on their order; writing the dictionaries last lets an import stream any number of rows
 * through one reused batch. The SHA-256 of the bytes is computed while writing.
 */
public final class VersionFileWriter implements AutoCloseable {

    /** How a file is compressed: none (hot tier) or an IPC buffer codec (cold tier). */
    public enum Codec { NONE, ZSTD, LZ4 }

    private final VectorSchemaRoot root;
    private final DigestingChannel channel;
    private final DeferredDictionaryWriter writer;
    private final List<Dictionary> emptyDictionaries = new ArrayList<>();
    private final BufferAllocator allocator;
    private long batches;
    private boolean finished;

    public VersionFileWriter(Schema schema, Path file, Codec codec, BufferAllocator allocator) throws IOException {
        this.allocator = allocator;
        this.root = VectorSchemaRoot.create(schema, allocator);
        this.channel = new DigestingChannel(FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE));
        DictionaryProvider.MapDictionaryProvider provider = new DictionaryProvider.MapDictionaryProvider();
        for (Field f : schema.getFields()) {
            if (f.getDictionary() != null) {
                Dictionary d = new Dictionary(new VarCharVector(dictionaryField(f), allocator), f.getDictionary());
                emptyDictionaries.add(d);
                provider.put(d);
            }
        }
        this.writer = codec == Codec.NONE
                ? new DeferredDictionaryWriter(root, provider, channel, schema.getCustomMetadata(),
                        NoCompressionCodec.Factory.INSTANCE, CompressionUtil.CodecType.NO_COMPRESSION)
                : new DeferredDictionaryWriter(root, provider, channel, schema.getCustomMetadata(),
                        CommonsCompressionFactory.INSTANCE, codec == Codec.ZSTD
                                ? CompressionUtil.CodecType.ZSTD : CompressionUtil.CodecType.LZ4_FRAME);
        writer.start();
    }

    private static Field dictionaryField(Field f) {
        return new Field(f.getName() + ".dictionary", new FieldType(false, ArrowType.Utf8.INSTANCE, null), null);
    }

    /** The batch to fill; {@link #writeBatch()} writes what it holds. */
    public VectorSchemaRoot root() {
        return root;
    }

    public void writeBatch() throws IOException {
        if (root.getRowCount() > 0) {
            writer.writeBatch();
            batches++;
        }
    }

    public long batches() {
        return batches;
    }

    /**
     * Writes the dictionaries (values by stored column position) and the footer, closes the file and returns
     * the SHA-256 of its bytes.
     */
    public String finish(Map<Integer, String[]> dictionaryValues) throws IOException {
        List<Field> fields = root.getSchema().getFields();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (f.getDictionary() == null) {
                continue;
            }
            String[] values = dictionaryValues.getOrDefault(i, new String[0]);
            try (VarCharVector v = new VarCharVector(dictionaryField(f), allocator)) {
                v.allocateNew(values.length);
                for (int k = 0; k < values.length; k++) {
                    v.setSafe(k, values[k].getBytes(StandardCharsets.UTF_8));
                }
                v.setValueCount(values.length);
                writer.writeDictionary(new Dictionary(v, f.getDictionary()));
            }
        }
        writer.end();
        finished = true;
        channel.close();
        return channel.hex();
    }

    @Override
    public void close() throws IOException {
        try {
            writer.close();
        } finally {
            root.close();
            emptyDictionaries.forEach(d -> d.getVector().close());
            channel.close();
        }
    }

    /** Exposes the protected dictionary write and suppresses the usual write-before-first-batch. */
    private static final class DeferredDictionaryWriter extends ArrowFileWriter {
        DeferredDictionaryWriter(VectorSchemaRoot root, DictionaryProvider provider, DigestingChannel out,
                                 Map<String, String> meta, CompressionCodec.Factory factory,
                                 CompressionUtil.CodecType codec) {
            super(root, provider, out, meta, IpcOption.DEFAULT, factory, codec, Optional.empty());
        }

        @Override
        protected void ensureDictionariesWritten(DictionaryProvider provider, java.util.Set<Long> ids) {
            // written once, after all record batches, by writeDictionary
        }

        void writeDictionary(Dictionary dictionary) throws IOException {
            writeDictionaryBatch(dictionary);
        }
    }

}
