package dev.burnrate.portal.usage;

import dev.burnrate.engine.usage.query.QueryEngine;
import dev.burnrate.engine.usage.query.QueryResult;
import dev.burnrate.engine.usage.query.TeamScope;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.engine.usage.store.DatasetStore;
import dev.burnrate.engine.usage.store.UsageTable;
import dev.burnrate.portal.security.CurrentUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.springframework.stereotype.Component;

/**
 * Reading stored versions for the usage services: opens a version's table in a limited child allocator per job and runs
 * queries limited to the current user's teams (rows belong to the team named by the dataset's team tag; ADMIN and
 * FINANCE see every row). Package-private: the public services around it carry the authorisation.
 */
@Component
class VersionTables {

    private final UsageRepository repository;
    private final DatasetStore store;
    private final QueryEngine engine;
    private final CurrentUser currentUser;

    VersionTables(UsageRepository repository, DatasetStore store, QueryEngine engine, CurrentUser currentUser) {
        this.repository = repository;
        this.store = store;
        this.engine = engine;
        this.currentUser = currentUser;
    }

    /** Runs a query on a version; team-scoped users get only their teams' rows. */
    QueryResult query(String versionKey, UsageQuery query) {
        VersionSummary v = repository.version(versionKey).orElseThrow(() -> new IllegalArgumentException(
                "no version " + versionKey));
        UsageQuery scoped = scope(v.dataset(), query);
        return withTable(v, table -> engine.run(table, scoped));
    }

    private UsageQuery scope(String dataset, UsageQuery q) {
        if (currentUser.seesAllTeams()) {
            return q;
        }
        String key = repository.findDataset(dataset).map(DatasetSummary::teamTagKey).orElse("team");
        TeamScope scope = new TeamScope(key, repository.teamNames(currentUser.teamIds()));
        return new UsageQuery(q.from(), q.to(), q.dimensions(), q.tags(), scope, q.groupBy(), q.bucket(), q.metrics(),
                q.topN(), q.rankBy());
    }

    /** Tag keys present in a version: the keys of all its rows (names only, no values or costs). */
    List<String> tagKeys(String versionKey) {
        VersionSummary v = repository.version(versionKey).orElseThrow();
        return withTable(v, table -> engine.tagIndex(table).keys());
    }

    /**
     * Runs work on a version's table in a job allocator with the store's limit; a job past the limit fails with a
     * message saying so (and, as every job, gives all its memory back).
     */
    <T> T withTable(VersionSummary v, Function<UsageTable, T> work) {
        try (BufferAllocator job = store.newJobAllocator("query-" + v.key());
             UsageTable table = store.open(v.dataset(), v.key(), job)) {
            return work.apply(table);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open version " + v.key(), e);
        } catch (OutOfMemoryException e) {
            throw new IllegalStateException(store.overLimit("reading version " + v.key()), e);
        }
    }

    /** The key of a dataset's newest version. */
    String latestVersion(String dataset) {
        return repository.versions(dataset).stream().reduce((a, b) -> b).map(VersionSummary::key)
                .orElseThrow(() -> new IllegalArgumentException("dataset " + dataset + " has no version"));
    }
}
