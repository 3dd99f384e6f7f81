package dev.burnrate.engine.usage.store;

import dev.burnrate.engine.usage.ingest.FocusSource;
import dev.burnrate.engine.usage.ingest.ImportOptions;
import dev.burnrate.engine.usage.query.QueryEngine;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.engine.usage.validation.Rule;
import dev.burnrate.engine.usage.validation.Severity;
import dev.burnrate.engine.usage.validation.ValidationMode;
import org.apache.arrow.memory.BufferAllocator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * New versions made from existing ones, each recorded with its lineage: append (a parent plus new rows, e.g.
 * metered usage), filter (the rows of a parent that match a query's filters) and merge (the union of several
 * versions of the same dataset). Parents are never changed.
 */
public final class Transforms {

    private final DatasetStore store;
    private final QueryEngine engine = new QueryEngine(false);

    public Transforms(DatasetStore store) {
        this.store = store;
    }

    /**
     * Validates {@code rows} like an import and publishes parent + rows as a new version. The returned report is
     * the new rows' validation; a rejection stores nothing.
     */
    public ImportResult append(String datasetId, String parentVersionId, FocusSource rows, String sourceName,
                               ImportOptions options, String actor) {
        Lineage importLineage = lineage(Transform.IMPORT, sourceName, rows.format(), List.of(), actor, "");
        try (StagedVersion added = store.stage(datasetId, rows, importLineage, options)) {
            if (added.result().filter(r -> r.status() == ImportResult.Status.REJECTED).isPresent()) {
                return added.result().get();
            }
            VersionManifest addedManifest = added.manifest().orElseGet(() -> added.result().get().version().get());
            try (BufferAllocator job = store.newJobAllocator("append");
                 UsageTable parent = store.open(datasetId, parentVersionId, job);
                 UsageTable extra = added.manifest().isPresent()
                         ? VersionFiles.openMappedOnce(added.dataFile(), job)
                         : store.open(datasetId, addedManifest.versionId(), job)) {
                Lineage lineage = lineage(Transform.APPEND, sourceName, rows.format(), List.of(parentVersionId), actor,
                        addedManifest.rowCount() + " rows appended");
                Lineage withSha = rows.sourceSha256().map(sha -> withSha(lineage, sha)).orElse(lineage);
                ImportResult merged = store.importSource(datasetId, new TableSource(List.of(parent, extra), null),
                        withSha, revalidation());
                return new ImportResult(merged.status(), merged.version(), added.report());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("append to " + datasetId + " failed", e);
        }
    }

    /** Keeps the rows of a version that pass the query's filters and scope (grouping is ignored). */
    public ImportResult filter(String datasetId, String parentVersionId, UsageQuery query, String description,
                               String actor) {
        try (BufferAllocator job = store.newJobAllocator("filter");
             UsageTable parent = store.open(datasetId, parentVersionId, job)) {
            QueryEngine.RowMask mask = engine.mask(parent, query);
            Lineage lineage = lineage(Transform.FILTER, null, null, List.of(parentVersionId), actor, description);
            return store.importSource(datasetId, new TableSource(List.of(parent), (t, b) -> mask.rows(b)), lineage,
                    revalidation());
        } catch (IOException e) {
            throw new UncheckedIOException("filter of " + parentVersionId + " failed", e);
        }
    }

    /** The union of several versions of a dataset, in the order given. */
    public ImportResult merge(String datasetId, List<String> versionIds, String actor) {
        if (versionIds.size() < 2) {
            throw new IllegalArgumentException("a merge needs at least two versions");
        }
        List<UsageTable> tables = new ArrayList<>();
        try (BufferAllocator job = store.newJobAllocator("merge")) {
            try {
                for (String v : versionIds) {
                    tables.add(store.open(datasetId, v, job));
                }
                Lineage lineage = lineage(Transform.MERGE, null, null, versionIds, actor, "");
                return store.importSource(datasetId, new TableSource(tables, null), lineage, revalidation());
            } finally {
                tables.forEach(UsageTable::close);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("merge in " + datasetId + " failed", e);
        }
    }

    /**
     * Rows of stored versions passed their import's checks, possibly with rules downgraded by that import's
     * options. A transform must neither drop them nor reject them for a rule their import accepted, so row rules
     * only warn here (strict mode, so nothing is ever quarantined).
     */
    private static ImportOptions revalidation() {
        ImportOptions o = ImportOptions.defaults().withMode(ValidationMode.STRICT);
        for (Rule rule : List.of(Rule.TYPE, Rule.NULLABILITY, Rule.ALLOWED_VALUES, Rule.NON_NEGATIVE,
                Rule.PERIOD_ORDER, Rule.FIELD_COUNT)) {
            o = o.withSeverity(rule, Severity.WARNING);
        }
        return o;
    }

    private Lineage lineage(Transform t, String source, String format, List<String> parents, String actor,
                            String detail) {
        return new Lineage(t, source, null, format, parents, actor, store.clock().instant(), detail);
    }

    private static Lineage withSha(Lineage l, String sha) {
        return new Lineage(l.transform(), l.sourceFileName(), sha, l.sourceFormat(), l.parents(), l.actor(), l.at(),
                l.detail());
    }

}
