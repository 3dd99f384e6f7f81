package dev.burnrate.engine.usage.store;

import org.apache.arrow.memory.ForeignAllocation;
import org.apache.arrow.memory.util.MemoryUtil;

import java.nio.MappedByteBuffer;

/**
 * A memory-mapped part of a version file handed to Arrow as a foreign allocation: vectors then read the page
 * cache directly, with no copy. The allocator accounts for it, so an unclosed table still fails a leak check.
 */
final class MappedRegion extends ForeignAllocation {

    @SuppressWarnings({"unused", "FieldCanBeLocal"}) // keeps the mapping reachable while Arrow uses its address
    private MappedByteBuffer mapping;

    MappedRegion(MappedByteBuffer mapping) {
        super(mapping.capacity(), MemoryUtil.getByteBufferAddress(mapping));
        this.mapping = mapping;
    }

    @Override
    protected void release0() {
        // The JDK unmaps when the buffer becomes unreachable; dropping the reference allows that.
        mapping = null;
    }
}
