package dev.burnrate.portal.usagesource;

import static dev.burnrate.portal.db.Tables.USAGE_SOURCES;
import static dev.burnrate.portal.db.Tables.USAGE_SOURCE_RUNS;

import dev.burnrate.portal.db.tables.records.UsageSourceRunsRecord;
import dev.burnrate.portal.db.tables.records.UsageSourcesRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The usage source settings and their run history (tables {@code usage_sources}, {@code usage_source_runs}). */
@Repository
public class UsageSourceRepository {
    private final DSLContext dsl;

    public UsageSourceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<UsageSourceConfig> configs() {
        return dsl.selectFrom(USAGE_SOURCES).orderBy(USAGE_SOURCES.SOURCE_ID).fetch(UsageSourceRepository::config);
    }

    public Optional<UsageSourceConfig> config(String sourceId) {
        return dsl.selectFrom(USAGE_SOURCES).where(USAGE_SOURCES.SOURCE_ID.eq(sourceId))
                .fetchOptional(UsageSourceRepository::config);
    }

    public void save(UsageSourceConfig c) {
        var at = c.updatedAt().atOffset(ZoneOffset.UTC);
        dsl.insertInto(USAGE_SOURCES)
                .set(USAGE_SOURCES.SOURCE_ID, c.sourceId())
                .set(USAGE_SOURCES.PLUGIN_ID, c.pluginId())
                .set(USAGE_SOURCES.DATASET, c.dataset())
                .set(USAGE_SOURCES.INTERVAL_MINUTES, c.intervalMinutes())
                .set(USAGE_SOURCES.ENABLED, c.enabled())
                .set(USAGE_SOURCES.UPDATED_BY, c.updatedBy())
                .set(USAGE_SOURCES.UPDATED_AT, at)
                .onConflict(USAGE_SOURCES.SOURCE_ID).doUpdate()
                .set(USAGE_SOURCES.PLUGIN_ID, c.pluginId())
                .set(USAGE_SOURCES.DATASET, c.dataset())
                .set(USAGE_SOURCES.INTERVAL_MINUTES, c.intervalMinutes())
                .set(USAGE_SOURCES.ENABLED, c.enabled())
                .set(USAGE_SOURCES.UPDATED_BY, c.updatedBy())
                .set(USAGE_SOURCES.UPDATED_AT, at)
                .execute();
    }

    /** Removes a source's settings and, with them, its run history. */
    public boolean delete(String sourceId) {
        return dsl.deleteFrom(USAGE_SOURCES).where(USAGE_SOURCES.SOURCE_ID.eq(sourceId)).execute() > 0;
    }

    public UsageSourceRun insertRun(UsageSourceRun run) {
        long id = dsl.insertInto(USAGE_SOURCE_RUNS)
                .set(USAGE_SOURCE_RUNS.SOURCE_ID, run.sourceId())
                .set(USAGE_SOURCE_RUNS.RUN_TRIGGER, run.trigger().name())
                .set(USAGE_SOURCE_RUNS.STARTED_AT, run.startedAt().atOffset(ZoneOffset.UTC))
                .set(USAGE_SOURCE_RUNS.FINISHED_AT, run.finishedAt().atOffset(ZoneOffset.UTC))
                .set(USAGE_SOURCE_RUNS.STATUS, run.status().name())
                .set(USAGE_SOURCE_RUNS.ROWS_READ, run.rowsRead())
                .set(USAGE_SOURCE_RUNS.VERSION_KEY, run.versionKey())
                .set(USAGE_SOURCE_RUNS.MESSAGE, clip(run.message()))
                .set(USAGE_SOURCE_RUNS.RUN_BY, run.runBy())
                .returning(USAGE_SOURCE_RUNS.ID).fetchOne(USAGE_SOURCE_RUNS.ID);
        return new UsageSourceRun(id, run.sourceId(), run.trigger(), run.startedAt(), run.finishedAt(), run.status(),
                run.rowsRead(), run.versionKey(), clip(run.message()), run.runBy());
    }

    /** A source's runs, newest first. */
    public List<UsageSourceRun> runs(String sourceId, int limit) {
        return dsl.selectFrom(USAGE_SOURCE_RUNS).where(USAGE_SOURCE_RUNS.SOURCE_ID.eq(sourceId))
                .orderBy(USAGE_SOURCE_RUNS.STARTED_AT.desc(), USAGE_SOURCE_RUNS.ID.desc()).limit(limit)
                .fetch(UsageSourceRepository::run);
    }

    /** When the source last started a run (any outcome), for the schedule. */
    public Optional<Instant> lastStart(String sourceId) {
        return dsl.select(org.jooq.impl.DSL.max(USAGE_SOURCE_RUNS.STARTED_AT)).from(USAGE_SOURCE_RUNS)
                .where(USAGE_SOURCE_RUNS.SOURCE_ID.eq(sourceId)).fetchOptional(0, java.time.OffsetDateTime.class)
                .map(java.time.OffsetDateTime::toInstant);
    }

    private static String clip(String message) {
        String m = message == null ? "" : message;
        return m.length() <= 2000 ? m : m.substring(0, 1997) + "...";
    }

    private static UsageSourceConfig config(UsageSourcesRecord r) {
        return new UsageSourceConfig(r.getSourceId(), r.getPluginId(), r.getDataset(), r.getIntervalMinutes(),
                r.getEnabled(), r.getUpdatedBy(), r.getUpdatedAt().toInstant());
    }

    private static UsageSourceRun run(UsageSourceRunsRecord r) {
        return new UsageSourceRun(r.getId(), r.getSourceId(), UsageSourceRun.Trigger.valueOf(r.getRunTrigger()),
                r.getStartedAt().toInstant(), r.getFinishedAt().toInstant(),
                UsageSourceRun.Status.valueOf(r.getStatus()), r.getRowsRead(), r.getVersionKey(), r.getMessage(),
                r.getRunBy());
    }
}
