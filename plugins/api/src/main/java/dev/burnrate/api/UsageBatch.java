package dev.burnrate.api;

import java.util.List;
import java.util.Objects;

/**
 * What one {@link UsageSource#fetchUsage()} delivered: FOCUS-shaped rows and the position the source reached.
 *
 * @param records     the rows, possibly none; they become one new version of the target dataset together
 * @param checkpoint  where the source stands after these rows, opaque to the portal and handed back in
 *                    {@link UsageSource#acknowledge(UsageBatch)} (for example the names of the files read); empty
 *                    when there is nothing to remember
 * @param description a short human-readable summary for the run history and the version's lineage, e.g.
 *                    {@code "2 files: 2025-01.csv, 2025-02.csv"}
 * @since API 1.3.0
 */
public record UsageBatch(List<UsageRecord> records, String checkpoint, String description) {

    public UsageBatch {
        records = List.copyOf(Objects.requireNonNull(records, "records"));
        checkpoint = checkpoint == null ? "" : checkpoint;
        description = description == null || description.isBlank() ? records.size() + " rows" : description;
    }

    /** Nothing new since the last acknowledged batch. */
    public static UsageBatch empty() {
        return new UsageBatch(List.of(), "", "nothing new");
    }

    /** True when the batch has no rows and nothing to acknowledge. */
    public boolean isEmpty() {
        return records.isEmpty() && checkpoint.isEmpty();
    }
}
