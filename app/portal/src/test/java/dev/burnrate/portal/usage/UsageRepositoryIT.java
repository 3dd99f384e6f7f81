package dev.burnrate.portal.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.engine.usage.store.Lineage;
import dev.burnrate.engine.usage.store.Tier;
import dev.burnrate.engine.usage.store.Totals;
import dev.burnrate.engine.usage.store.Transform;
import dev.burnrate.engine.usage.store.VersionManifest;
import dev.burnrate.portal.support.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Datasets, versions, lineage, quarantine files and tiers on H2 and PostgreSQL. */
class UsageRepositoryIT {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static VersionManifest manifest(String key, String sha, Transform t, List<String> parents, int minutes) {
        return new VersionManifest("focus", key, T0.plusSeconds(60L * minutes), sha, 500,
                new Totals(5.99, 4.5, 6.1, 5.0, 100), Instant.parse("2024-09-01T00:00:00Z"),
                Instant.parse("2024-09-30T23:00:00Z"), List.of("AWS", "Microsoft"), List.of("BilledCost"), 1,
                new Lineage(t, t == Transform.IMPORT ? "sample.csv" : null, t == Transform.IMPORT ? "ab" : null, "csv",
                        parents, "alice", T0, t == Transform.FILTER ? "ProviderName = AWS" : ""));
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void storesVersionsWithLineageQuarantineAndTier(TestDatabase db) {
        UsageRepository repo = new UsageRepository(db.dsl());
        long ds = repo.insertDataset("focus", "sample", "team", "alice");
        long v1 = repo.insertVersion(ds, manifest("v1", "sha1", Transform.IMPORT, List.of(), 0), 3);
        repo.insertQuarantine(v1, "quarantine.csv", 1, 420);
        long v2 = repo.insertVersion(ds, manifest("v2", "sha2", Transform.FILTER, List.of("v1"), 1), 0);
        repo.insertParents(v2, List.of("v1"));
        long v3 = repo.insertVersion(ds, manifest("v3", "sha3", Transform.MERGE, List.of("v1", "v2"), 2), 0);
        repo.insertParents(v3, List.of("v1", "v2"));
        repo.updateTier("v1", Tier.COLD, T0);

        List<VersionSummary> versions = repo.versions("focus");
        assertThat(versions).extracting(VersionSummary::key).containsExactly("v1", "v2", "v3");
        VersionSummary first = versions.getFirst();
        assertThat(first.tier()).isEqualTo(Tier.COLD);
        assertThat(first.quarantinedRows()).isEqualTo(1);
        assertThat(first.effectiveCost()).isEqualTo(4.5);
        assertThat(first.providers()).containsExactly("AWS", "Microsoft");
        assertThat(first.sourceFileName()).isEqualTo("sample.csv");
        assertThat(versions.get(2).parents()).containsExactly("v1", "v2");
        assertThat(versions.get(1).detail()).isEqualTo("ProviderName = AWS");
        assertThat(repo.datasets()).singleElement().satisfies(d -> {
            assertThat(d.versions()).isEqualTo(3);
            assertThat(d.teamTagKey()).isEqualTo("team");
        });
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void identicalContentIsStoredOncePerDataset(TestDatabase db) {
        UsageRepository repo = new UsageRepository(db.dsl());
        long ds = repo.insertDataset("focus", null, "team", "alice");
        repo.insertVersion(ds, manifest("v1", "same", Transform.IMPORT, List.of(), 0), 0);
        assertThatThrownBy(() -> repo.insertVersion(ds, manifest("v2", "same", Transform.IMPORT, List.of(), 1), 0))
                .isInstanceOf(DataAccessException.class);
    }
}
