package dev.burnrate.portal.provisioning;

import static dev.burnrate.portal.db.Tables.APPROVALS;
import static dev.burnrate.portal.db.Tables.BUDGET_RESERVATIONS;
import static dev.burnrate.portal.db.Tables.PROVISIONING_REQUESTS;
import static dev.burnrate.portal.db.Tables.RESOURCES;
import static dev.burnrate.portal.db.Tables.USAGE_DATASETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.api.ProvisionRequest;
import dev.burnrate.api.ProvisioningException;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.ResourceState;
import dev.burnrate.api.ResourceStatus;
import dev.burnrate.engine.usage.ingest.ImportProgress;
import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.engine.usage.validation.ValidationMode;
import dev.burnrate.portal.base.BurnrateProperties;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.support.RestartablePostgres;
import dev.burnrate.portal.support.RunAs;
import dev.burnrate.portal.support.SandboxTestProvider;
import dev.burnrate.portal.usage.UsageImportService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL stopped and started again under the running portal, in the middle of an import, an approval and a
 * provisioning request: each either completes or leaves no trace, and the portal serves the next call once the
 * database is back, without being restarted itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "burnrate.demo=true",
        // Fail a call within seconds while the database is down, instead of Hikari's 30 s default.
        "spring.datasource.hikari.connection-timeout=3000",
        // The test drives reconciliation itself; the schedules must not race it.
        "burnrate.provisioning.reconcile-ms=3600000",
        "burnrate.metering.interval-ms=3600000",
        "burnrate.policies.scan-ms=3600000"})
@Import(PostgresRestartIT.InterruptibleCloudConfig.class)
class PostgresRestartIT {

    private static final RestartablePostgres POSTGRES = RestartablePostgres.startNew("pg-restart");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("burnrate.data-dir", () -> "target/it-data/pg-restart-portal-" + ProcessHandle.current().pid());
    }

    /** The in-memory test cloud, with a hook that runs once right after it created a resource. */
    static class InterruptibleCloud extends SandboxTestProvider {
        private final AtomicReference<Runnable> afterNextProvision = new AtomicReference<>();

        InterruptibleCloud(Clock clock) {
            super(clock);
        }

        @Override
        public ResourceStatus provision(ProvisionRequest request) throws ProvisioningException {
            ResourceStatus created = super.provision(request);
            Runnable hook = afterNextProvision.getAndSet(null);
            if (hook != null) {
                hook.run();
            }
            return created;
        }
    }

    @TestConfiguration
    static class InterruptibleCloudConfig {
        @Bean
        InterruptibleCloud interruptibleCloud(Clock clock) {
            return new InterruptibleCloud(clock);
        }
    }

    @Autowired
    ApplicationContext app;
    @Autowired
    DSLContext dsl;
    @Autowired
    UsageImportService imports;
    @Autowired
    ProvisioningService provisioning;
    @Autowired
    ApprovalService approvals;
    @Autowired
    ProvisioningExecutor executor;
    @Autowired
    InterruptibleCloud cloud;
    @Autowired
    BurnrateProperties properties;

    @AfterEach
    void databaseIsUpAgain() {
        POSTGRES.start();
    }

    @AfterAll
    static void stopServer() {
        POSTGRES.stop();
    }

    private <T> T as(String user, Role role, Supplier<T> work) {
        return RunAs.user(app, user, work, role);
    }

    @Test
    void anImportCutOffByTheDatabaseLeavesNoTraceAndSucceedsOnceItIsBack() throws IOException {
        Path csv = sample("pg-restart-sample.csv");
        // The rows are read and the version's files written; the database goes away before they are recorded.
        ImportProgress stopWhileWriting = (phase, rows, fraction) -> {
            if (phase == ImportProgress.Phase.WRITING) {
                POSTGRES.stop();
            }
        };
        assertThatThrownBy(() -> as("finance", Role.FINANCE, () -> imports.importFile("restarted", csv,
                csv.getFileName().toString(), ValidationMode.LENIENT, "team", stopWhileWriting)))
                .isInstanceOf(RuntimeException.class);

        restartDatabase();
        assertThat(dsl.fetchCount(USAGE_DATASETS, USAGE_DATASETS.NAME.eq("restarted"))).isZero();
        assertThat(versionFiles("restarted")).as("files of the failed import left in the data folder").isEmpty();

        ImportResult again = as("finance", Role.FINANCE, () -> imports.importFile("restarted", csv,
                csv.getFileName().toString(), ValidationMode.LENIENT, "team"));
        assertThat(again.status()).isEqualTo(ImportResult.Status.CREATED);
        assertThat(dsl.fetchCount(USAGE_DATASETS, USAGE_DATASETS.NAME.eq("restarted"))).isOne();
    }

    @Test
    void anApprovalWhileTheDatabaseIsDownChangesNothingAndGoesThroughOnceItIsBack() {
        StoredRequest waiting = as("engineer", Role.ENGINEER, () -> provisioning.submit(UUID.randomUUID().toString(),
                threeDaysOfH100s("approve-across-restart")));
        assertThat(waiting.state()).isEqualTo(RequestState.PENDING_APPROVAL);

        POSTGRES.stop();
        assertThatThrownBy(() -> as("approver", Role.APPROVER, () -> approvals.approve(waiting.id(), "go")))
                .isInstanceOf(RuntimeException.class);
        restartDatabase();

        assertThat(dsl.fetchCount(APPROVALS, APPROVALS.REQUEST_ID.eq(waiting.id()))).isZero();
        assertThat(stateOf(waiting.id())).isEqualTo(RequestState.PENDING_APPROVAL.name());
        StoredRequest approved = as("approver", Role.APPROVER, () -> approvals.approve(waiting.id(), "go"));
        // The budget asked for finance as well, so one verdict is recorded and the request waits for the second.
        assertThat(dsl.fetchCount(APPROVALS, APPROVALS.REQUEST_ID.eq(waiting.id()))).isOne();
        assertThat(approved.state()).isIn(RequestState.PENDING_APPROVAL, RequestState.PROVISIONED);
    }

    @Test
    void aRequestWhoseResourceWasCreatedWhileTheDatabaseWentDownEndsWithOneResourceOrNone() {
        String id = UUID.randomUUID().toString();
        cloud.afterNextProvision.set(POSTGRES::stop);
        try {
            as("approver", Role.APPROVER, () -> provisioning.submit(id, notebook("created-across-restart")));
        } catch (RuntimeException expected) {
            // Recording the resource failed with the database; what happens to it is checked below.
        }
        restartDatabase();

        String state = awaitFinalState(id);
        String cloudResource = "sbx-" + id;
        ResourceState inCloud = cloudState(cloudResource);
        if (state.equals(RequestState.PROVISIONED.name())) {
            assertThat(dsl.fetchCount(RESOURCES, RESOURCES.REQUEST_ID.eq(id).and(RESOURCES.STATE.eq("RUNNING"))))
                    .isOne();
            assertThat(inCloud).as("the recorded resource runs in the cloud").isEqualTo(ResourceState.RUNNING);
        } else {
            assertThat(state).isEqualTo(RequestState.FAILED.name());
            assertThat(inCloud).as("a failed request leaves nothing running in the cloud")
                    .isIn(null, ResourceState.DELETED, ResourceState.FAILED);
            assertThat(dsl.fetchCount(RESOURCES, RESOURCES.REQUEST_ID.eq(id).and(RESOURCES.STATE.eq("RUNNING"))))
                    .isZero();
            assertThat(dsl.fetchCount(BUDGET_RESERVATIONS, BUDGET_RESERVATIONS.REQUEST_ID.eq(id))).isZero();
        }
    }

    /**
     * Starts the database again and waits until the portal's connection pool serves queries: it must recover on its
     * own (a minute at most), without the portal being restarted. The pool retries with a back-off, so the first
     * queries right after the restart may still fail.
     */
    private void restartDatabase() {
        POSTGRES.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try {
                dsl.selectOne().fetch();
                return;
            } catch (RuntimeException notYet) {
                assertThat(Instant.now()).as("the portal reconnects to the restarted database").isBefore(deadline);
            }
        }
    }

    /** Reconciles until the request leaves PROVISIONING (what the schedule would do every minute). */
    private String awaitFinalState(String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String state = stateOf(id);
        while (state == null || !RequestState.valueOf(state).isFinal()) {
            assertThat(Instant.now()).as("request %s still %s", id, state).isBefore(deadline);
            SystemRunner.runAsSystem(executor::reconcile);
            state = stateOf(id);
        }
        return state;
    }

    private ResourceState cloudState(String resourceId) {
        try {
            return cloud.status(resourceId).state();
        } catch (ProvisioningException | RuntimeException unknown) {
            return null;
        }
    }

    private String stateOf(String requestId) {
        return dsl.fetchValue(PROVISIONING_REQUESTS.STATE, PROVISIONING_REQUESTS.ID.eq(requestId));
    }

    private static RequestDraft threeDaysOfH100s(String name) {
        return new RequestDraft(Template.GPU_TRAINING, "ml-research", null, name, "aws", "eu-north-1", "p5.48xlarge",
                1, PurchaseOption.ON_DEMAND, 72.0, "internal", Map.of("cost-center", "CC-1234", "owner", "engineer"),
                true, true, false, false);
    }

    private static RequestDraft notebook(String name) {
        return new RequestDraft(Template.NOTEBOOK, "inference", "serving", name, "aws", "eu-central-1", "g5.12xlarge",
                1, PurchaseOption.ON_DEMAND, 8.0, "internal", Map.of("cost-center", "CC-2001", "owner", "approver"),
                true, true, false, false);
    }

    private static Path sample(String name) throws IOException {
        Path csv = Path.of("target", "it-data", name);
        Files.createDirectories(csv.getParent());
        try (InputStream in = PostgresRestartIT.class.getResourceAsStream("/usage/focus_1.0_sample_500.csv")) {
            Files.copy(in, csv, StandardCopyOption.REPLACE_EXISTING);
        }
        return csv;
    }

    /** Arrow files of a dataset anywhere under the data folder's dataset store (published or staged). */
    private java.util.List<Path> versionFiles(String dataset) throws IOException {
        Path root = properties.dataDir().resolve("datasets");
        if (!Files.exists(root)) {
            return java.util.List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> p.toString().contains(dataset)).toList();
        }
    }
}
