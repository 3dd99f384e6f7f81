package dev.burnrate.engine.usage.store;

/** Where a version's data lives. */
public enum Tier {
    /** Uncompressed Arrow IPC, memory-mapped when opened: zero-copy queries. */
    HOT,
    /** ZSTD-compressed Arrow IPC buffers: a fraction of the disk, decompressed when opened. */
    COLD
}
