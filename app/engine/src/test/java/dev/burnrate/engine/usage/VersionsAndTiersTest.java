package dev.burnrate.engine.usage;

import dev.burnrate.api.UsageRecord;
import dev.burnrate.engine.usage.ingest.ImportOptions;
import dev.burnrate.engine.usage.ingest.UsageRecordSource;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.engine.usage.store.FileImports;
import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.engine.usage.store.StorageTiers;
import dev.burnrate.engine.usage.store.Tier;
import dev.burnrate.engine.usage.store.Totals;
import dev.burnrate.engine.usage.store.Transform;
import dev.burnrate.engine.usage.store.Transforms;
import dev.burnrate.engine.usage.store.UsageTable;
import dev.burnrate.engine.usage.store.VersionManifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Lineage of append, filter and merge; hot and cold tiers with identical totals and hashes. */
class VersionsAndTiersTest extends AllocatorTestBase {

    private VersionManifest base;

    @BeforeEach
    void importBase() throws IOException {
        Path csv = temp.resolve("base.csv");
        SyntheticData.write(SyntheticData.spec(20, 10), csv);
        base = importCsv("team-costs", csv, ImportOptions.defaults()).version().orElseThrow();
    }

    @Test
    void importRecordsItsSourceInTheLineage() throws IOException {
        assertThat(base.lineage().transform()).isEqualTo(Transform.IMPORT);
        assertThat(base.lineage().sourceFileName()).isEqualTo("base.csv");
        assertThat(base.lineage().sourceSha256()).isEqualTo(FileImports.sha256(temp.resolve("base.csv")));
        assertThat(base.lineage().actor()).isEqualTo("tester");
        assertThat(base.lineage().parents()).isEmpty();
    }

    @Test
    void appendingMeteredUsageMakesAChildVersion() throws IOException {
        UsageRecord metered = new UsageRecord("ba-1", "sub-1", Instant.parse("2026-03-20T10:00:00Z"),
                Instant.parse("2026-03-20T11:00:00Z"), "Usage", "p5.48xlarge hour", "Standard", 98.32, 98.32,
                98.32, 98.32, "USD", 1, "Hours", 1, "Hours", "AWS", "Amazon Elastic Compute Cloud",
                "AI and Machine Learning", "us-east-1", "i-123", "trainer", "GPU Virtual Machine", "p5.48xlarge",
                Map.of("team", "vision"));
        clock.advance(Duration.ofHours(1));
        ImportResult r = new Transforms(store).append("team-costs", base.versionId(),
                new UsageRecordSource(List.of(metered)), "metering", ImportOptions.defaults(), "system");

        VersionManifest child = r.version().orElseThrow();
        assertThat(r.status()).isEqualTo(ImportResult.Status.CREATED);
        assertThat(child.rowCount()).isEqualTo(base.rowCount() + 1);
        assertThat(child.totals().billedCost()).isEqualTo(base.totals().billedCost() + 98.32,
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(child.lineage().transform()).isEqualTo(Transform.APPEND);
        assertThat(child.lineage().parents()).containsExactly(base.versionId());
        assertThat(store.versions("team-costs")).hasSize(2);
    }

    @Test
    void appendingInvalidRowsIsRejectedAndStoresNothing() {
        UsageRecord bad = new UsageRecord("ba-1", "sub-1", Instant.parse("2026-03-20T10:00:00Z"),
                Instant.parse("2026-03-20T11:00:00Z"), "Refund", "x", "Standard", 1, 1, 1, 1, "USD", 1, "Hours", 1,
                "Hours", "AWS", "EC2", "Compute", "us-east-1", "i-1", "n", "VM", "sku", Map.of());
        ImportResult r = new Transforms(store).append("team-costs", base.versionId(),
                new UsageRecordSource(List.of(bad)), "metering", ImportOptions.defaults(), "system");
        assertThat(r.status()).isEqualTo(ImportResult.Status.REJECTED);
        assertThat(r.report().errors().getFirst().column()).isEqualTo("ChargeCategory");
        assertThat(store.versions("team-costs")).hasSize(1);
    }

    @Test
    void filterAndMergeRecordTheirParents() {
        clock.advance(Duration.ofHours(1));
        Transforms transforms = new Transforms(store);
        VersionManifest aws = transforms.filter("team-costs", base.versionId(),
                UsageQuery.builder().where("ProviderName", "AWS").build(), "ProviderName = AWS", "alice")
                .version().orElseThrow();
        VersionManifest rest = transforms.filter("team-costs", base.versionId(),
                UsageQuery.builder().where("ProviderName", "Google Cloud", "Microsoft").build(), "not AWS", "alice")
                .version().orElseThrow();
        assertThat(aws.providers()).containsExactly("AWS");
        assertThat(aws.lineage().transform()).isEqualTo(Transform.FILTER);
        assertThat(aws.lineage().detail()).isEqualTo("ProviderName = AWS");
        assertThat(aws.rowCount() + rest.rowCount()).isEqualTo(base.rowCount());

        ImportResult merged = transforms.merge("team-costs", List.of(aws.versionId(), rest.versionId()), "bob");
        VersionManifest m = merged.version().orElseThrow();
        assertThat(m.lineage().transform()).isEqualTo(Transform.MERGE);
        assertThat(m.lineage().parents()).containsExactly(aws.versionId(), rest.versionId());
        assertThat(m.rowCount()).isEqualTo(base.rowCount());
        assertThat(m.totals().effectiveCost()).isCloseTo(base.totals().effectiveCost(),
                org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void coldTierKeepsTotalsAndComesBackBitIdentical() throws IOException {
        StorageTiers tiers = new StorageTiers(store);
        String id = base.versionId();
        long hotSize = tiers.sizeOnDisk("team-costs", id);
        Totals hot;
        try (UsageTable t = store.open("team-costs", id, allocator)) {
            assertThat(t.tier()).isEqualTo(Tier.HOT);
            hot = Totals.of(t);
        }
        assertThat(hot).isEqualTo(base.totals());

        tiers.moveToCold("team-costs", id);
        assertThat(store.tier("team-costs", id)).isEqualTo(Tier.COLD);
        assertThat(tiers.sizeOnDisk("team-costs", id)).isLessThan(hotSize / 2);
        try (UsageTable t = store.open("team-costs", id, allocator)) {
            assertThat(t.tier()).isEqualTo(Tier.COLD);
            assertThat(Totals.of(t)).isEqualTo(hot);
        }

        tiers.moveToHot("team-costs", id);
        assertThat(store.tier("team-costs", id)).isEqualTo(Tier.HOT);
        assertThat(FileImports.sha256(store.dataFile("team-costs", id))).isEqualTo(base.contentSha256());
    }

    @Test
    void theAgeRuleMovesOnlyOldVersions() throws IOException {
        clock.advance(Duration.ofDays(40));
        Path csv = temp.resolve("newer.csv");
        SyntheticData.write(SyntheticData.spec(5, 3), csv);
        VersionManifest newer = importCsv("team-costs", csv, ImportOptions.defaults()).version().orElseThrow();

        List<String> moved = new StorageTiers(store).applyRule(Duration.ofDays(30));

        assertThat(moved).containsExactly(base.versionId());
        assertThat(store.tier("team-costs", base.versionId())).isEqualTo(Tier.COLD);
        assertThat(store.tier("team-costs", newer.versionId())).isEqualTo(Tier.HOT);
    }
}
