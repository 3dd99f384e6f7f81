package dev.burnrate.engine.usage.store;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The memory mappings of hot version files, made once per file and shared by every table opened on it, instead of
 * mapping the file again for each query and leaving the unmapping to the garbage collector. The most recently used
 * {@code capacity} files stay mapped; a mapping that is evicted (or the whole cache, when closed) is unmapped
 * explicitly as soon as no table uses it any more. Version files are immutable, and a file rewritten under the same
 * name (a tier move back to hot) has another identity, so a stale mapping is never handed out.
 */
final class MappedFiles implements AutoCloseable {

    /** Maps a file's record batch bodies, in block order. */
    @FunctionalInterface
    interface Mapper {
        List<MappedByteBuffer> map(Path file) throws IOException;
    }

    private final int capacity;
    private final Map<Object, Mapping> mappings = new LinkedHashMap<>(16, 0.75f, true);
    private boolean closed;
    private long created;
    private long unmapped;

    MappedFiles(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("at least one mapped version file must be kept, not " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * The mapping of a file, made now if needed, with one use taken for the caller, who must {@link Mapping#release}
     * it (the vectors made from it take uses of their own).
     */
    synchronized Mapping acquire(Path file, Mapper mapper) throws IOException {
        if (closed) {
            throw new IllegalStateException("the dataset store is closed");
        }
        Object key = identity(file);
        Mapping mapping = mappings.get(key);
        if (mapping == null) {
            mapping = new Mapping(mapper.map(file));
            created++;
            mappings.put(key, mapping);
            evictBeyondCapacity();
        }
        mapping.retain();
        return mapping;
    }

    private void evictBeyondCapacity() {
        Iterator<Mapping> eldest = mappings.values().iterator();
        while (mappings.size() > capacity) {
            Mapping m = eldest.next();
            eldest.remove();
            m.evict();
        }
    }

    /** Mappings made since the start. */
    synchronized long created() {
        return created;
    }

    /** Mappings made and not unmapped yet (cached or still used by an open table). */
    synchronized long live() {
        return created - unmapped;
    }

    /** Unmaps every mapping now, or, for one still used by an open table, when that table is closed. */
    @Override
    public synchronized void close() {
        closed = true;
        List<Mapping> all = new ArrayList<>(mappings.values());
        mappings.clear();
        all.forEach(Mapping::evict);
    }

    /** Whether this runtime unmaps at once (otherwise an unmapped mapping waits for the GC). */
    static boolean unmapsAtOnce() {
        return Unmapper.UNSAFE != null;
    }

    private static Object identity(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        Object inode = a.fileKey() == null ? file.toAbsolutePath().normalize() : a.fileKey();
        return List.of(file.toAbsolutePath().normalize(), inode, a.size(), a.lastModifiedTime());
    }

    /** One file's mapped batch bodies and how many users they have. */
    final class Mapping {

        private final List<MappedByteBuffer> bodies;
        private int users;
        private boolean evicted;

        private Mapping(List<MappedByteBuffer> bodies) {
            this.bodies = List.copyOf(bodies);
        }

        MappedByteBuffer body(int block) {
            return bodies.get(block);
        }

        void retain() {
            synchronized (MappedFiles.this) {
                users++;
            }
        }

        void release() {
            synchronized (MappedFiles.this) {
                users--;
                unmapIfUnused();
            }
        }

        private void evict() {
            evicted = true;
            unmapIfUnused();
        }

        private void unmapIfUnused() {
            if (evicted && users == 0) {
                bodies.forEach(Unmapper::unmap);
                unmapped++;
            }
        }
    }

    /** Unmaps a mapping now (the JDK's cleaner), where the runtime allows it; otherwise the GC unmaps it later. */
    private static final class Unmapper {

        private static final sun.misc.Unsafe UNSAFE = unsafe();

        static void unmap(MappedByteBuffer buffer) {
            if (UNSAFE != null) {
                UNSAFE.invokeCleaner(buffer);
            }
        }

        private static sun.misc.Unsafe unsafe() {
            try {
                Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                f.setAccessible(true);
                return (sun.misc.Unsafe) f.get(null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    }
}
