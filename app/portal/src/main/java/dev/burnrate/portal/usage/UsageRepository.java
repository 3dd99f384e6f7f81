package dev.burnrate.portal.usage;

import static dev.burnrate.portal.db.Tables.TEAMS;
import static dev.burnrate.portal.db.Tables.USAGE_DATASETS;
import static dev.burnrate.portal.db.Tables.USAGE_QUARANTINE_FILES;
import static dev.burnrate.portal.db.Tables.USAGE_VERSIONS;
import static dev.burnrate.portal.db.Tables.USAGE_VERSION_PARENTS;

import dev.burnrate.engine.usage.store.Tier;
import dev.burnrate.engine.usage.store.Transform;
import dev.burnrate.engine.usage.store.VersionManifest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** Thin data access for datasets, versions, lineage and quarantine files. Authorisation is the service's job. */
@Repository
class UsageRepository {

    private final DSLContext dsl;

    UsageRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<DatasetSummary> findDataset(String name) {
        return datasets().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    List<DatasetSummary> datasets() {
        var count = org.jooq.impl.DSL.count(USAGE_VERSIONS.ID);
        var latest = org.jooq.impl.DSL.max(USAGE_VERSIONS.VERSION_KEY);
        return dsl.select(USAGE_DATASETS.ID, USAGE_DATASETS.NAME, USAGE_DATASETS.DESCRIPTION,
                        USAGE_DATASETS.TEAM_TAG_KEY, count, latest, USAGE_DATASETS.COUNTS_TOWARD_BUDGETS)
                .from(USAGE_DATASETS).leftJoin(USAGE_VERSIONS).on(USAGE_VERSIONS.DATASET_ID.eq(USAGE_DATASETS.ID))
                .groupBy(USAGE_DATASETS.ID, USAGE_DATASETS.NAME, USAGE_DATASETS.DESCRIPTION, USAGE_DATASETS.TEAM_TAG_KEY,
                        USAGE_DATASETS.COUNTS_TOWARD_BUDGETS)
                .orderBy(USAGE_DATASETS.NAME)
                .fetch(r -> new DatasetSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        !Boolean.FALSE.equals(r.value7())));
    }

    /** Names of the datasets with at least one version whose spend counts toward budgets. */
    List<String> budgetDatasets() {
        return dsl.selectDistinct(USAGE_DATASETS.NAME).from(USAGE_DATASETS).join(USAGE_VERSIONS)
                .on(USAGE_VERSIONS.DATASET_ID.eq(USAGE_DATASETS.ID))
                .where(USAGE_DATASETS.COUNTS_TOWARD_BUDGETS.isTrue()).orderBy(USAGE_DATASETS.NAME)
                .fetch(USAGE_DATASETS.NAME);
    }

    boolean countsTowardBudgets(String name) {
        return dsl.select(USAGE_DATASETS.COUNTS_TOWARD_BUDGETS).from(USAGE_DATASETS)
                .where(USAGE_DATASETS.NAME.eq(name)).fetchOptional(USAGE_DATASETS.COUNTS_TOWARD_BUDGETS)
                .orElse(true);
    }

    void setCountsTowardBudgets(String name, boolean counts) {
        dsl.update(USAGE_DATASETS).set(USAGE_DATASETS.COUNTS_TOWARD_BUDGETS, counts)
                .where(USAGE_DATASETS.NAME.eq(name)).execute();
    }

    long insertDataset(String name, String description, String teamTagKey, String actor) {
        return dsl.insertInto(USAGE_DATASETS)
                .set(USAGE_DATASETS.NAME, name)
                .set(USAGE_DATASETS.DESCRIPTION, description)
                .set(USAGE_DATASETS.TEAM_TAG_KEY, teamTagKey)
                .set(USAGE_DATASETS.CREATED_BY, actor)
                .returningResult(USAGE_DATASETS.ID).fetchSingle().value1();
    }

    long insertVersion(long datasetId, VersionManifest m, long warnings) {
        return dsl.insertInto(USAGE_VERSIONS)
                .set(USAGE_VERSIONS.DATASET_ID, datasetId)
                .set(USAGE_VERSIONS.VERSION_KEY, m.versionId())
                .set(USAGE_VERSIONS.CREATED_AT, time(m.createdAt()))
                .set(USAGE_VERSIONS.CREATED_BY, m.lineage().actor())
                .set(USAGE_VERSIONS.TRANSFORM, m.lineage().transform().name())
                .set(USAGE_VERSIONS.SOURCE_FILE_NAME, m.lineage().sourceFileName())
                .set(USAGE_VERSIONS.SOURCE_SHA256, m.lineage().sourceSha256())
                .set(USAGE_VERSIONS.SOURCE_FORMAT, m.lineage().sourceFormat())
                .set(USAGE_VERSIONS.DETAIL, m.lineage().detail())
                .set(USAGE_VERSIONS.CONTENT_SHA256, m.contentSha256())
                .set(USAGE_VERSIONS.ROW_COUNT, m.rowCount())
                .set(USAGE_VERSIONS.BILLED_COST, BigDecimal.valueOf(m.totals().billedCost()))
                .set(USAGE_VERSIONS.EFFECTIVE_COST, BigDecimal.valueOf(m.totals().effectiveCost()))
                .set(USAGE_VERSIONS.LIST_COST, BigDecimal.valueOf(m.totals().listCost()))
                .set(USAGE_VERSIONS.CONTRACTED_COST, BigDecimal.valueOf(m.totals().contractedCost()))
                .set(USAGE_VERSIONS.CONSUMED_QUANTITY, m.totals().consumedQuantity())
                .set(USAGE_VERSIONS.PERIOD_FROM, time(m.from()))
                .set(USAGE_VERSIONS.PERIOD_TO, time(m.to()))
                .set(USAGE_VERSIONS.PROVIDERS, String.join(",", m.providers()))
                .set(USAGE_VERSIONS.WARNING_COUNT, warnings)
                .returningResult(USAGE_VERSIONS.ID).fetchSingle().value1();
    }

    void insertParents(long versionId, List<String> parentKeys) {
        for (int i = 0; i < parentKeys.size(); i++) {
            long parent = versionId(parentKeys.get(i)).orElseThrow(
                    () -> new IllegalStateException("unknown parent version"));
            dsl.insertInto(USAGE_VERSION_PARENTS)
                    .set(USAGE_VERSION_PARENTS.VERSION_ID, versionId)
                    .set(USAGE_VERSION_PARENTS.PARENT_ID, parent)
                    .set(USAGE_VERSION_PARENTS.POSITION, i)
                    .execute();
        }
    }

    void insertQuarantine(long versionId, String fileName, long rows, long bytes) {
        dsl.insertInto(USAGE_QUARANTINE_FILES)
                .set(USAGE_QUARANTINE_FILES.VERSION_ID, versionId)
                .set(USAGE_QUARANTINE_FILES.FILE_NAME, fileName)
                .set(USAGE_QUARANTINE_FILES.ROW_COUNT, rows)
                .set(USAGE_QUARANTINE_FILES.SIZE_BYTES, bytes)
                .execute();
    }

    Optional<Long> versionId(String key) {
        return dsl.select(USAGE_VERSIONS.ID).from(USAGE_VERSIONS).where(USAGE_VERSIONS.VERSION_KEY.eq(key))
                .fetchOptional(USAGE_VERSIONS.ID);
    }

    /** Versions of a dataset, oldest first, with totals as stored (unscoped). */
    List<VersionSummary> versions(String dataset) {
        List<Record> rows = dsl.select(USAGE_VERSIONS.fields()).select(USAGE_DATASETS.NAME,
                        USAGE_QUARANTINE_FILES.ROW_COUNT)
                .from(USAGE_VERSIONS).join(USAGE_DATASETS).on(USAGE_DATASETS.ID.eq(USAGE_VERSIONS.DATASET_ID))
                .leftJoin(USAGE_QUARANTINE_FILES).on(USAGE_QUARANTINE_FILES.VERSION_ID.eq(USAGE_VERSIONS.ID))
                .where(USAGE_DATASETS.NAME.eq(dataset))
                .orderBy(USAGE_VERSIONS.CREATED_AT, USAGE_VERSIONS.ID).fetch();
        Map<Long, List<String>> parents = parents(rows.stream().map(r -> r.get(USAGE_VERSIONS.ID)).toList());
        return rows.stream().map(r -> toSummary(r, parents.getOrDefault(r.get(USAGE_VERSIONS.ID), List.of())))
                .toList();
    }

    Optional<VersionSummary> version(String key) {
        Optional<String> dataset = dsl.select(USAGE_DATASETS.NAME).from(USAGE_VERSIONS)
                .join(USAGE_DATASETS).on(USAGE_DATASETS.ID.eq(USAGE_VERSIONS.DATASET_ID))
                .where(USAGE_VERSIONS.VERSION_KEY.eq(key)).fetchOptional(USAGE_DATASETS.NAME);
        return dataset.flatMap(d -> versions(d).stream().filter(v -> v.key().equals(key)).findFirst());
    }

    private Map<Long, List<String>> parents(Collection<Long> versionIds) {
        var parent = USAGE_VERSIONS.as("parent");
        return dsl.select(USAGE_VERSION_PARENTS.VERSION_ID, parent.VERSION_KEY)
                .from(USAGE_VERSION_PARENTS).join(parent).on(parent.ID.eq(USAGE_VERSION_PARENTS.PARENT_ID))
                .where(USAGE_VERSION_PARENTS.VERSION_ID.in(versionIds))
                .orderBy(USAGE_VERSION_PARENTS.POSITION)
                .fetchGroups(USAGE_VERSION_PARENTS.VERSION_ID, parent.VERSION_KEY);
    }

    void updateTier(String key, Tier tier, Instant at) {
        dsl.update(USAGE_VERSIONS).set(USAGE_VERSIONS.TIER, tier.name())
                .set(USAGE_VERSIONS.TIER_CHANGED_AT, time(at))
                .where(USAGE_VERSIONS.VERSION_KEY.eq(key)).execute();
    }

    /** Names of the given teams, for team scoping by tag value. */
    Set<String> teamNames(Set<Long> teamIds) {
        if (teamIds.isEmpty()) {
            return Set.of();
        }
        return dsl.select(TEAMS.NAME).from(TEAMS).where(TEAMS.ID.in(teamIds)).fetchSet(TEAMS.NAME);
    }

    private static VersionSummary toSummary(Record r, List<String> parents) {
        Long quarantined = r.get(USAGE_QUARANTINE_FILES.ROW_COUNT);
        String providers = r.get(USAGE_VERSIONS.PROVIDERS);
        return new VersionSummary(r.get(USAGE_VERSIONS.VERSION_KEY), r.get(USAGE_DATASETS.NAME),
                instant(r.get(USAGE_VERSIONS.CREATED_AT)), r.get(USAGE_VERSIONS.CREATED_BY),
                Transform.valueOf(r.get(USAGE_VERSIONS.TRANSFORM)), r.get(USAGE_VERSIONS.SOURCE_FILE_NAME),
                r.get(USAGE_VERSIONS.SOURCE_SHA256), r.get(USAGE_VERSIONS.DETAIL), r.get(USAGE_VERSIONS.CONTENT_SHA256),
                r.get(USAGE_VERSIONS.ROW_COUNT), r.get(USAGE_VERSIONS.BILLED_COST).doubleValue(),
                r.get(USAGE_VERSIONS.EFFECTIVE_COST).doubleValue(), r.get(USAGE_VERSIONS.LIST_COST).doubleValue(),
                instant(r.get(USAGE_VERSIONS.PERIOD_FROM)),
                instant(r.get(USAGE_VERSIONS.PERIOD_TO)),
                providers.isEmpty() ? List.of() : List.of(providers.split(",")),
                Tier.valueOf(r.get(USAGE_VERSIONS.TIER)), quarantined == null ? 0 : quarantined, parents, false);
    }

    private static OffsetDateTime time(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    static String joined(Collection<String> values) {
        return values.stream().sorted().collect(Collectors.joining(","));
    }
}
