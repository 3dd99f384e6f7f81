package dev.burnrate.engine.usage.ingest;

import dev.burnrate.engine.usage.schema.FocusColumn;
import dev.burnrate.engine.usage.store.Totals;

import java.time.Instant;
import java.util.List;

/**
 * What an import wrote: the version file's hash and the figures recorded with it.
 *
 * @param from earliest ChargePeriodStart, or null for an empty version
 * @param to   latest ChargePeriodEnd, or null for an empty version
 */
public record WrittenVersion(String sha256, long rows, long batches, Totals totals, Instant from, Instant to,
                             List<String> providers, List<FocusColumn> columns, long quarantinedRows) {

    public WrittenVersion {
        providers = List.copyOf(providers);
        columns = List.copyOf(columns);
    }
}
