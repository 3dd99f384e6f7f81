package dev.burnrate.engine.usage.ingest;

import dev.burnrate.engine.usage.validation.Rule;
import dev.burnrate.engine.usage.validation.Severity;
import dev.burnrate.engine.usage.validation.ValidationMode;

import java.util.Map;
import java.util.Set;

/**
 * Settings of one import.
 *
 * @param mode               strict (reject on any error) or lenient (quarantine bad rows)
 * @param maxLineLength      longest accepted CSV record in characters; longer is a fatal error (guards memory)
 * @param maxColumns         most fields accepted in one CSV record; more is fatal (guards against CSV bombs)
 * @param maxDistinctValues  most distinct values one dimension may have; the dictionaries are the only part of
 *                           an import whose memory grows with the data, so they are bounded too
 * @param batchSize          rows per Arrow record batch
 * @param maxReportedIssues  errors kept in detail in the report (all are counted)
 * @param nullTokens         cell texts read as null besides the empty cell (real exports write {@code NULL})
 * @param severityOverrides  per-rule severity changes, e.g. NON_NEGATIVE as WARNING for a provider known to put
 *                           credits into unit prices; fatal problems cannot be downgraded
 */
public record ImportOptions(ValidationMode mode, int maxLineLength, int maxColumns, int maxDistinctValues,
                            int batchSize, int maxReportedIssues, Set<String> nullTokens,
                            Map<Rule, Severity> severityOverrides) {

    public static final int DEFAULT_MAX_LINE_LENGTH = 1 << 20;
    public static final int DEFAULT_MAX_COLUMNS = 512;

    public ImportOptions {
        if (maxLineLength < 64 || maxColumns < 1 || maxDistinctValues < 1 || batchSize < 1 || maxReportedIssues < 1) {
            throw new IllegalArgumentException("limits must be positive (maxLineLength at least 64)");
        }
        nullTokens = Set.copyOf(nullTokens);
        severityOverrides = Map.copyOf(severityOverrides);
    }

    /** Strict mode, 1 MiB lines, 512 columns, 5 million distinct values per dimension, 64K-row batches. */
    public static ImportOptions defaults() {
        return new ImportOptions(ValidationMode.STRICT, DEFAULT_MAX_LINE_LENGTH, DEFAULT_MAX_COLUMNS, 5_000_000,
                65_536, 1_000, Set.of("NULL", "null"), Map.of());
    }

    public ImportOptions withMode(ValidationMode m) {
        return new ImportOptions(m, maxLineLength, maxColumns, maxDistinctValues, batchSize, maxReportedIssues,
                nullTokens, severityOverrides);
    }

    public ImportOptions withLimits(int lineLength, int columns) {
        return new ImportOptions(mode, lineLength, columns, maxDistinctValues, batchSize, maxReportedIssues,
                nullTokens, severityOverrides);
    }

    public ImportOptions withMaxDistinctValues(int max) {
        return new ImportOptions(mode, maxLineLength, maxColumns, max, batchSize, maxReportedIssues, nullTokens,
                severityOverrides);
    }

    public ImportOptions withBatchSize(int rows) {
        return new ImportOptions(mode, maxLineLength, maxColumns, maxDistinctValues, rows, maxReportedIssues,
                nullTokens, severityOverrides);
    }

    public ImportOptions withSeverity(Rule rule, Severity severity) {
        Map<Rule, Severity> m = new java.util.EnumMap<>(Rule.class);
        m.putAll(severityOverrides);
        m.put(rule, severity);
        return new ImportOptions(mode, maxLineLength, maxColumns, maxDistinctValues, batchSize, maxReportedIssues,
                nullTokens, m);
    }
}
