package dev.burnrate.portal.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.ResourceState;
import dev.burnrate.api.ResourceStatus;
import dev.burnrate.api.UsageRecord;
import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.engine.policy.budget.BudgetPeriod;
import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.engine.usage.validation.ValidationMode;
import dev.burnrate.portal.policy.DecisionKind;
import dev.burnrate.portal.policy.DecisionLog;
import dev.burnrate.portal.provisioning.Estimate;
import dev.burnrate.portal.provisioning.MeteredUsageFeed;
import dev.burnrate.portal.provisioning.RequestDraft;
import dev.burnrate.portal.provisioning.RequestRepository;
import dev.burnrate.portal.provisioning.RequestState;
import dev.burnrate.portal.provisioning.ResourceRepository;
import dev.burnrate.portal.provisioning.Template;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.support.ProvisioningTestBase;
import dev.burnrate.portal.usage.UsageDatasetService;
import dev.burnrate.portal.usage.UsageQueryService;
import dev.burnrate.portal.usage.UsageImportService;
import dev.burnrate.portal.usage.UsageExportService;
import dev.burnrate.portal.user.UserRepository;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Budgets count imported billing data and metered usage, each exactly once, although metered rows are also copied
 * into the usage data for the cost explorer. Runs on the provisioning test portal (H2), on a team of its own so the
 * demo budgets the browser tests look at do not move.
 */
@RecordApplicationEvents
class BudgetSpendIT extends ProvisioningTestBase {

    @Autowired SpendSource spend;
    @Autowired UsageDatasetService datasets;
    @Autowired UsageQueryService queries;
    @Autowired UsageImportService imports;
    @Autowired UsageExportService exports;
    @Autowired MeteredUsageFeed feed;
    @Autowired UserRepository users;
    @Autowired RequestRepository requests;
    @Autowired ResourceRepository resources;
    @Autowired DecisionLog decisions;
    @Autowired TransactionTemplate tx;
    @Autowired ApplicationEvents events;

    @Test
    void importedAndMeteredSpendCountOnceEvenAfterMeteredRowsReachTheUsageData() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String team = "it-once-" + suffix;
        long teamId = users.insertTeam(team, "budget spend test");
        Instant now = Instant.now();
        Instant start = now.minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String project = "it-project-" + suffix;
        BudgetKey key = new BudgetKey("it-budget", BudgetKey.Scope.TEAM, team, BudgetPeriod.MONTH, start,
                now.plus(1, ChronoUnit.DAYS));
        BudgetKey projectKey = new BudgetKey("it-budget", BudgetKey.Scope.PROJECT, project, BudgetPeriod.MONTH, start,
                now.plus(1, ChronoUnit.DAYS));
        assertThat(spend.actual(key)).isZero();

        // Imported billing: three rows of the team in the period (600.25), one before it and one of another team.
        Instant t = start.plus(2, ChronoUnit.DAYS);
        // The project tag is on two of them (300).
        List<UsageRecord> billing = List.of(row(team, null, t, 100), row(team, project, t.plusSeconds(3600), 200),
                row(team, project, t.plusSeconds(7200), 100), row(team, null, t.plusSeconds(9000), 200.25),
                row(team, project, start.minus(1, ChronoUnit.DAYS), 1000), row("it-other-" + suffix, null, t, 50));
        importAsCsv("it-billing-" + suffix, billing);
        assertThat(spend.actual(key)).isCloseTo(600.25, within(1e-9));
        assertThat(spend.actual(projectKey)).isCloseTo(300, within(1e-9));
        assertThat(events.stream(SpendChanged.class).map(SpendChanged::source)).contains("import");

        // Metered: a finished resource of the team, 42.50 in two final hours.
        String resourceId = meteredResource(team, teamId, project, suffix, t, List.of(40.0, 2.5));
        assertThat(spend.actual(key)).isCloseTo(642.75, within(1e-9));
        assertThat(spend.actual(projectKey)).isCloseTo(342.5, within(1e-9));

        // Copied into the usage data (the scheduled metering may have done it already): counted once there too,
        // and budgets still count it once.
        feed.appendFinalRows();
        assertThat(meteredInExplorer(team, start, now)).isCloseTo(42.5, within(1e-9));
        assertThat(spend.actual(key)).isCloseTo(642.75, within(1e-9));
        assertThat(spend.actual(projectKey)).isCloseTo(342.5, within(1e-9));

        // Idempotent: nothing of this resource is appended again.
        String versionBefore = latestMeteredVersion();
        feed.appendFinalRows();
        assertThat(meteredInExplorer(team, start, now)).isCloseTo(42.5, within(1e-9));
        assertThat(spend.actual(key)).isCloseTo(642.75, within(1e-9));
        assertThat(resources.find(resourceId)).isPresent();
        assertThat(versionBefore).isNotNull();
    }

    private static UsageRecord row(String team, String project, Instant from, double cost) {
        Map<String, String> tags = project == null ? Map.of("team", team) : Map.of("team", team, "project", project);
        return new UsageRecord("acct-1", team, from, from.plusSeconds(3600), "Usage", "GPU hour", "Standard", cost,
                cost, cost, cost, "USD", 1, "Hours", 1, "Hours", "AWS", "Amazon Elastic Compute Cloud", "Compute",
                "eu-north-1", "i-" + UUID.randomUUID(), "trainer", "Virtual Machine", "p5.48xlarge",
                tags);
    }

    /** A real file import: the rows written as FOCUS CSV (through a scratch dataset that does not count). */
    private void importAsCsv(String dataset, List<UsageRecord> rows) throws Exception {
        Path csv = Files.createTempFile("it-billing", ".csv");
        try {
            SystemRunner.runAsSystem(() -> {
                String scratch = dataset + "-scratch";
                ImportResult staged = imports.appendOrCreate(scratch, "scratch", rows, "test", "team", false);
                assertThat(staged.status()).isEqualTo(ImportResult.Status.CREATED);
                try (OutputStream out = Files.newOutputStream(csv)) {
                    exports.writeVersion(staged.version().orElseThrow().versionId(),
                            UsageExportService.ExportFormat.CSV, out);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                ImportResult imported = imports.importFile(dataset, csv, "billing.csv", ValidationMode.STRICT, "team");
                assertThat(imported.status()).isEqualTo(ImportResult.Status.CREATED);
            });
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private String meteredResource(String team, long teamId, String project, String suffix, Instant from,
                                   List<Double> costs) {
        String requestId = "it-once-req-" + suffix;
        String resourceId = "it-once-res-" + suffix;
        tx.executeWithoutResult(s -> {
            RequestDraft draft = new RequestDraft(Template.GPU_TRAINING, team, project, "it-once", "aws", "eu-north-1",
                    "p5.48xlarge", 1, PurchaseOption.ON_DEMAND, null, "internal", Map.of(), true, true, true, false);
            long decision = decisions.record(DecisionKind.REQUEST, requestId, team, "engineer",
                    Decision.of(List.of(), List.of(), List.of()), Map.of("test", "budget spend"), from);
            requests.insert(requestId, teamId, "engineer", draft, new Estimate(40, 42.5, 42.5, 40 * 730, "test"),
                    "ALLOW", RequestState.PROVISIONED, false, decision, from);
            var request = requests.find(requestId).orElseThrow();
            resources.insert(request, new ResourceStatus(resourceId, ResourceState.RUNNING, from, "test"), from);
            List<UsageRecord> rows = new ArrayList<>();
            for (int i = 0; i < costs.size(); i++) {
                rows.add(row(team, project, from.plus(i, ChronoUnit.HOURS), costs.get(i)));
            }
            Instant end = from.plus(costs.size(), ChronoUnit.HOURS);
            resources.recordUsage(resources.find(resourceId).orElseThrow(), rows, end);
            resources.updateState(resourceId, new ResourceStatus(resourceId, ResourceState.DELETED, end, "done"), end);
        });
        return resourceId;
    }

    private double meteredInExplorer(String team, Instant from, Instant to) {
        return SystemRunner.callAsSystem(() -> queries.spendByTeam(MeteredUsageFeed.DATASET, "USD", from, to)
                .getOrDefault(team, 0.0));
    }

    private String latestMeteredVersion() {
        return SystemRunner.callAsSystem(() -> datasets.latest(MeteredUsageFeed.DATASET).orElseThrow().key());
    }
}
