package dev.burnrate.engine.usage.store;

import org.apache.arrow.memory.ForeignAllocation;
import org.apache.arrow.memory.util.MemoryUtil;

import java.nio.MappedByteBuffer;

/**
 * A record batch body inside a shared memory mapping, handed to Arrow as a foreign allocation: vectors then read
 * the page cache directly, with no copy. It holds one use of the mapping until Arrow releases it, so the mapping is
 * never unmapped under a live vector. The allocator accounts for it, so an unclosed table still fails a leak check.
 */
final class MappedRegion extends ForeignAllocation {

    private final MappedFiles.Mapping mapping;

    MappedRegion(MappedFiles.Mapping mapping, MappedByteBuffer body) {
        super(body.capacity(), MemoryUtil.getByteBufferAddress(body));
        this.mapping = mapping;
        mapping.retain();
    }

    /** Gives the use back when Arrow refused the region (it then never calls {@link #release0}). */
    void unused() {
        mapping.release();
    }

    @Override
    protected void release0() {
        mapping.release();
    }
}
