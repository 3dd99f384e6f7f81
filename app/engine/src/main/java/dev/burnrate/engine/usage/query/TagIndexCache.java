package dev.burnrate.engine.usage.query;

import dev.burnrate.engine.usage.store.UsageTable;

import java.util.Map;
import java.util.WeakHashMap;

/** Builds each table's {@link TagIndex} once and keeps it while the table is referenced. */
final class TagIndexCache {

    private final Map<UsageTable, TagIndex> cache = new WeakHashMap<>();

    synchronized TagIndex get(UsageTable table) {
        return cache.computeIfAbsent(table, t -> {
            int c = t.columnIndex("Tags");
            return new TagIndex(c < 0 ? new String[0] : t.dictionary(c));
        });
    }
}
