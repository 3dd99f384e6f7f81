package dev.burnrate.portal.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.burnrate.api.UsageRecord;
import dev.burnrate.engine.usage.query.GroupKey;
import dev.burnrate.engine.usage.query.Metric;
import dev.burnrate.engine.usage.query.QueryResult;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.engine.usage.store.Tier;
import dev.burnrate.engine.usage.store.Transform;
import dev.burnrate.engine.usage.validation.ValidationMode;
import dev.burnrate.portal.audit.AuditFilter;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.BrowserTestBase;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The usage services against the running demo portal (same Spring context as the browser tests): team scoping,
 * authorisation of every change, audit entries, the spend API, appending metered usage and tier moves.
 */
class UsageServiceIT extends BrowserTestBase {

    @Autowired
    UsageDatasetService datasets;

    @Autowired
    UsageQueryService queries;

    @Autowired
    UsageImportService imports;

    @Autowired
    UsageTierService tiers;

    @Autowired
    UsageExportService exports;

    @Autowired
    AuditService audit;

    @Autowired
    dev.burnrate.engine.usage.store.FileImports engineImports;

    @Autowired
    dev.burnrate.engine.usage.store.DatasetStore store;

    @AfterEach
    void clearUser() {
        SecurityContextHolder.clearContext();
    }

    private static <T> T as(String user, Role role, Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user,
                null, List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private String demoVersion() {
        return as("finance", Role.FINANCE, () -> datasets.latest(UsageDemoData.DATASET).orElseThrow().key());
    }

    @Test
    void anEngineerSeesOnlyTheirTeamsRowsAndTotals() {
        String v = demoVersion();
        UsageQuery byTeam = UsageQuery.builder().groupBy(GroupKey.tag("team")).sum(Metric.EFFECTIVE_COST).build();
        QueryResult all = as("finance", Role.FINANCE, () -> queries.explore(v, byTeam));
        QueryResult mine = as("engineer", Role.ENGINEER, () -> queries.explore(v, byTeam));

        assertThat(all.rows()).extracting(r -> r.keys().getFirst()).contains("ml-research", "inference", "vision");
        assertThat(mine.rows()).extracting(r -> r.keys().getFirst()).containsExactly("ml-research");
        double mlResearch = all.rows().stream().filter(r -> "ml-research".equals(r.keys().getFirst()))
                .findFirst().orElseThrow().values()[0];
        assertThat(mine.total(Metric.EFFECTIVE_COST)).isCloseTo(mlResearch, within(1e-6));

        VersionSummary scoped = as("engineer", Role.ENGINEER,
                () -> datasets.latest(UsageDemoData.DATASET).orElseThrow());
        assertThat(scoped.scopedTotals()).isTrue();
        assertThat(scoped.effectiveCost()).isCloseTo(mlResearch, within(1e-6));
        assertThat(as("engineer", Role.ENGINEER, () -> queries.values(v, "tag:team"))).containsExactly("ml-research");
    }

    @Test
    void changesAndFullDownloadsNeedAdminOrFinance() {
        String v = demoVersion();
        assertThatThrownBy(() -> as("engineer", Role.ENGINEER, () -> imports.importFile("x", Path.of("x.csv"), "x.csv",
                ValidationMode.STRICT, "team"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("engineer", Role.ENGINEER, () -> {
            exports.writeVersion(v, UsageExportService.ExportFormat.CSV, new ByteArrayOutputStream());
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("approver", Role.APPROVER, () -> {
            tiers.moveTier(v, Tier.COLD);
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("finance", Role.FINANCE, () -> imports.appendUsage(UsageDemoData.DATASET,
                List.of(), "meter"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void spendByTeamAddsUpToTheTotal() {
        String v = demoVersion();
        Instant from = Instant.parse("2000-01-01T00:00:00Z");
        Instant to = Instant.parse("2100-01-01T00:00:00Z");
        Map<String, Double> byTeam = as("finance", Role.FINANCE,
                () -> queries.spendByTeam(UsageDemoData.DATASET, "USD", from, to));
        double total = as("finance", Role.FINANCE, () -> queries.explore(v, UsageQuery.builder()
                .sum(Metric.EFFECTIVE_COST).build())).total(Metric.EFFECTIVE_COST);
        assertThat(byTeam.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(total, within(1e-3));
        assertThat(as("engineer", Role.ENGINEER, () -> queries.spendByTeam(UsageDemoData.DATASET, "USD", from, to)))
                .containsOnlyKeys("ml-research");
    }

    @Test
    void meteredUsageIsAppendedAsAnAuditedChildVersionAndTiersMoveBothWays() {
        VersionSummary parent = as("finance", Role.FINANCE, () -> datasets.latest(UsageDemoData.DATASET).orElseThrow());
        UsageRecord metered = new UsageRecord("ba-1", "sub-1", Instant.parse("2026-11-20T10:00:00Z"),
                Instant.parse("2026-11-20T11:00:00Z"), "Usage", "p5.48xlarge hour", "Standard", 98.32, 98.32, 98.32,
                98.32, "USD", 1, "Hours", 1, "Hours", "Amazon Web Services", "Amazon Elastic Compute Cloud", "AI and Machine Learning",
                "us-east-1", "i-metered", "trainer", "GPU Virtual Machine", "p5.48xlarge", Map.of("team", "platform"));
        ImportResult r = as("admin", Role.ADMIN, () -> imports.appendUsage(UsageDemoData.DATASET, List.of(metered),
                "sandbox-meter"));
        assertThat(r.status()).isEqualTo(ImportResult.Status.CREATED);

        VersionSummary child = as("finance", Role.FINANCE, () -> datasets.latest(UsageDemoData.DATASET).orElseThrow());
        assertThat(child.transform()).isEqualTo(Transform.APPEND);
        assertThat(child.parents()).containsExactly(parent.key());
        assertThat(child.rows()).isEqualTo(parent.rows() + 1);
        assertThat(as("admin", Role.ADMIN, () -> audit.find(new AuditFilter(null, "usage.append", null, null), 0, 10)))
                .anySatisfy(e -> assertThat(e.target()).contains(child.key()));

        as("finance", Role.FINANCE, () -> {
            tiers.moveTier(child.key(), Tier.COLD);
            return null;
        });
        VersionSummary cold = as("finance", Role.FINANCE, () -> datasets.latest(UsageDemoData.DATASET).orElseThrow());
        assertThat(cold.tier()).isEqualTo(Tier.COLD);
        double coldTotal = as("finance", Role.FINANCE, () -> queries.explore(child.key(), UsageQuery.builder()
                .sum(Metric.EFFECTIVE_COST).build())).total(Metric.EFFECTIVE_COST);
        assertThat(coldTotal).isCloseTo(child.effectiveCost(), within(1e-6));
        as("finance", Role.FINANCE, () -> {
            tiers.moveTier(child.key(), Tier.HOT);
            return null;
        });
        assertThat(as("finance", Role.FINANCE, () -> datasets.latest(UsageDemoData.DATASET).orElseThrow().tier()))
                .isEqualTo(Tier.HOT);
    }

    @Test
    void filesPublishedWithoutADatabaseRowAreAdoptedOnReimport() throws Exception {
        Path csv = Path.of("target", "it-data", "orphan-sample.csv");
        java.nio.file.Files.createDirectories(csv.getParent());
        try (var in = UsageServiceIT.class.getResourceAsStream("/usage/focus_1.0_sample_500.csv")) {
            java.nio.file.Files.copy(in, csv, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        // As if an import crashed between the rename and the commit: files visible to the store, no row.
        ImportResult orphan = engineImports.importFile("orphans", csv, "orphan-sample.csv",
                dev.burnrate.engine.usage.ingest.SourceFormat.CSV,
                dev.burnrate.engine.usage.ingest.ImportOptions.defaults().withMode(ValidationMode.LENIENT), "crashed");
        assertThat(orphan.status()).isEqualTo(ImportResult.Status.CREATED);
        assertThat(as("finance", Role.FINANCE, () -> datasets.versions("orphans"))).isEmpty();

        ImportResult again = as("finance", Role.FINANCE, () -> imports.importFile("orphans", csv, "orphan-sample.csv",
                ValidationMode.LENIENT, "team"));
        assertThat(again.status()).isEqualTo(ImportResult.Status.CREATED);
        List<VersionSummary> versions = as("finance", Role.FINANCE, () -> datasets.versions("orphans"));
        assertThat(versions).singleElement().satisfies(v -> {
            assertThat(v.key()).isEqualTo(orphan.version().orElseThrow().versionId());
            assertThat(v.quarantinedRows()).isZero();
        });
        ImportResult third = as("finance", Role.FINANCE, () -> imports.importFile("orphans", csv, "orphan-sample.csv",
                ValidationMode.LENIENT, "team"));
        assertThat(third.status()).isEqualTo(ImportResult.Status.DUPLICATE);
    }

    @Test
    void aRejectedImportLeavesNoFolderAndIsAuditedWithItsReason() throws Exception {
        Path csv = Path.of("target", "it-data", "no-billed-cost.csv");
        java.nio.file.Files.createDirectories(csv.getParent());
        java.nio.file.Files.writeString(csv, "ChargePeriodStart,ChargePeriodEnd,EffectiveCost\n"
                + "2024-01-01T00:00:00Z,2024-01-01T01:00:00Z,1.0\n");

        ImportResult r = as("finance", Role.FINANCE, () -> imports.importFile("rejected-first", csv,
                "no-billed-cost.csv", ValidationMode.LENIENT, "team"));

        assertThat(r.status()).isEqualTo(ImportResult.Status.REJECTED);
        assertThat(store.root().resolve("rejected-first")).as("no folder under the datasets root").doesNotExist();
        assertThat(as("finance", Role.FINANCE, () -> datasets.versions("rejected-first"))).isEmpty();
        assertThat(as("admin", Role.ADMIN, () -> audit.find(new AuditFilter(null, "usage.import.reject", null, null),
                0, 10))).anySatisfy(e -> {
                    assertThat(e.actor()).isEqualTo("finance");
                    assertThat(e.target()).isEqualTo("dataset:rejected-first");
                    assertThat(e.afterJson()).contains("no-billed-cost.csv").contains("BilledCost")
                            .contains("LENIENT");
                });
    }

    /** What leaving the page does to a running import: its progress report throws, as {@code ImportJob}'s does. */
    @Test
    void anImportCancelledWhileItReadsLeavesNoTraceAndIsNotReportedAsRejected() throws Exception {
        Path csv = Path.of("src", "test", "resources", "usage", "focus_1.0_sample_500.csv");
        assertThatThrownBy(() -> as("finance", Role.FINANCE, () -> imports.importFile("cancelled-first", csv,
                "sample.csv", ValidationMode.LENIENT, "team", (phase, rows, fraction) -> {
                    throw new java.util.concurrent.CancellationException("the user left the page");
                }))).isInstanceOf(java.util.concurrent.CancellationException.class);

        assertThat(store.root().resolve("cancelled-first")).as("no folder under the datasets root").doesNotExist();
        assertThat(as("finance", Role.FINANCE, () -> datasets.datasets()))
                .noneMatch(d -> d.name().equals("cancelled-first"));
        assertThat(as("admin", Role.ADMIN, () -> audit.find(new AuditFilter("finance", null, null, null), 0, 50)))
                .as("no rejection audited: the file was not refused, the user left")
                .noneMatch(e -> e.target().equals("dataset:cancelled-first"));
    }
}
