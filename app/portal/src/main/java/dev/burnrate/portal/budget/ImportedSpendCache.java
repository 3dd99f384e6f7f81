package dev.burnrate.portal.budget;

import dev.burnrate.portal.usage.TaggedSpend;
import dev.burnrate.portal.usage.UsageQueryService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Imported spend per tag value, currency and day of one dataset version in one budget period, scanned once.
 *
 * <p>Versions never change (an import or a metered append makes a new one), so a version's figures for a tag and
 * a period are valid for as long as the version exists and need no invalidation: a new import simply has a new key.
 * Budgets read the newest version of each dataset, so an entry of an older version of the same dataset is dropped
 * when a newer one is scanned, and the cache holds at most {@value #MAX_ENTRIES} entries besides. Exchange rates
 * are not part of the entry: they can change, and are applied to these figures on every read.
 *
 * <p>Callers read as {@code system}: the figures are the whole team's, whoever asks.
 */
@Component
class ImportedSpendCache {

    static final int MAX_ENTRIES = 512;

    private record Key(String dataset, String version, String tagKey, Instant from, Instant to) {
    }

    private final UsageQueryService usage;
    private final AtomicLong scans = new AtomicLong();
    private final Map<Key, Map<String, List<DaySpend>>> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Map<String, List<DaySpend>>> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    ImportedSpendCache(UsageQueryService usage) {
        this.usage = usage;
    }

    /**
     * Spend per value of {@code tagKey} (untagged rows under {@code null}) in {@code [from, to)} of a version. Two
     * callers that miss at the same time may both scan; either result is the same.
     */
    Map<String, List<DaySpend>> spend(String dataset, String version, String tagKey, Instant from, Instant to) {
        Key key = new Key(dataset, version, tagKey, from, to);
        synchronized (entries) {
            Map<String, List<DaySpend>> cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        scans.incrementAndGet();
        Map<String, List<DaySpend>> byValue = new HashMap<>();
        for (TaggedSpend s : usage.dailySpendByTagAndCurrency(version, tagKey, from, to)) {
            byValue.computeIfAbsent(s.tagValue(), v -> new ArrayList<>())
                    .add(new DaySpend(s.currency(), s.day(), s.amount()));
        }
        Map<String, List<DaySpend>> frozen = new HashMap<>();
        byValue.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        synchronized (entries) {
            entries.keySet().removeIf(k -> k.dataset().equals(dataset) && !k.version().equals(version));
            entries.put(key, frozen);
        }
        return frozen;
    }

    /** How many versions were scanned since start (each a miss): budgets reading again must not add to it. */
    long scans() {
        return scans.get();
    }
}
