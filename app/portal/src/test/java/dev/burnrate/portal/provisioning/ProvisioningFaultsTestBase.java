package dev.burnrate.portal.provisioning;

import static dev.burnrate.portal.db.Tables.AUDIT_LOG;
import static dev.burnrate.portal.db.Tables.BUDGET_RESERVATIONS;
import static dev.burnrate.portal.db.Tables.PROVISIONING_REQUESTS;
import static dev.burnrate.portal.db.Tables.RESOURCES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.ResourceState;
import dev.burnrate.portal.policy.PolicyService;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.FaultyTestCloud;
import dev.burnrate.portal.support.FaultyTestCloud.Fault;
import dev.burnrate.portal.support.RunAs;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The real provisioning service, executor, reconciliation and inventory sweep against a provider that misbehaves
 * ({@link FaultyTestCloud}), with a one-second provision time limit and the schedules switched off (the tests run
 * reconcile and sweep themselves). After every fault the same things must hold: one resource per PROVISIONED
 * request (in the database and in the cloud), none for a FAILED one, no orphans once swept, and the budget reserved
 * exactly while the request is UNKNOWN or PROVISIONED. The tests are here; subclasses pick the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "burnrate.demo=true",
        "burnrate.provisioning.timeout.provision=1s",
        "burnrate.provisioning.reconcile-ms=3600000",
        "burnrate.provisioning.reconcile-delay-ms=3600000",
        "burnrate.provisioning.sweep-ms=3600000",
        "burnrate.provisioning.sweep-delay-ms=3600000",
        "burnrate.metering.interval-ms=3600000",
        "burnrate.policies.scan-ms=3600000"})
@Import(ProvisioningFaultsTestBase.FaultyCloudConfig.class)
abstract class ProvisioningFaultsTestBase {

    static final Duration SLOWNESS = Duration.ofMillis(400);

    @TestConfiguration
    static class FaultyCloudConfig {
        @Bean
        FaultyTestCloud faultyTestCloud(Clock clock) {
            return new FaultyTestCloud(clock, SLOWNESS);
        }
    }

    private static final String TEAM_BUDGET = """
            id: inference-faults-budget
            name: Inference budget (faults)
            scope:
              team: inference
            rules:
              - type: budget
                period: month
                amount: 1000000
                thresholds:
                  - {at: 100, action: deny}
            """;

    @Autowired
    ProvisioningService provisioning;
    @Autowired
    ProvisioningExecutor executor;
    @Autowired
    InventorySweep sweep;
    @Autowired
    PolicyService policies;
    @Autowired
    FaultyTestCloud cloud;
    @Autowired
    DSLContext dsl;
    @Autowired
    ApplicationContext app;

    <T> T as(String user, Supplier<T> work, Role... roles) {
        return RunAs.user(app, user, work, roles);
    }

    @BeforeEach
    void budget() {
        as("admin", () -> policies.get("inference-faults-budget").isPresent() ? null
                : policies.save(null, TEAM_BUDGET, "test"), Role.ADMIN);
    }

    @AfterEach
    void releaseHungCalls() {
        cloud.releaseAll();
        cloud.actAsLegacy(false);
    }

    /** An A10G notebook for the inference team in Frankfurt: allowed by every demo policy. */
    static RequestDraft notebook(String name) {
        return new RequestDraft(Template.NOTEBOOK, "inference", "serving", name, "aws", "eu-central-1", "g5.12xlarge",
                1, PurchaseOption.ON_DEMAND, 8.0, "internal", Map.of("cost-center", "CC-2001", "owner", "approver"),
                true, true, false, false);
    }

    String newRequest(Fault fault) {
        String id = UUID.randomUUID().toString();
        if (fault != null) {
            cloud.inject(id, fault);
        }
        return id;
    }

    StoredRequest submit(String id) {
        return as("approver", () -> provisioning.submit(id, notebook("faults-" + id.substring(0, 8))), Role.APPROVER);
    }

    RequestState state(String id) {
        return RequestState.valueOf(dsl.select(PROVISIONING_REQUESTS.STATE).from(PROVISIONING_REQUESTS)
                .where(PROVISIONING_REQUESTS.ID.eq(id)).fetchSingle(PROVISIONING_REQUESTS.STATE));
    }

    int reservations(String id) {
        return dsl.fetchCount(BUDGET_RESERVATIONS, BUDGET_RESERVATIONS.REQUEST_ID.eq(id));
    }

    List<String> recorded(String id) {
        return dsl.select(RESOURCES.ID).from(RESOURCES).where(RESOURCES.REQUEST_ID.eq(id)).fetch(RESOURCES.ID);
    }

    /** The resources the cloud holds, not deleted, that carry the request's tag. */
    List<String> liveInCloud(String id) {
        return cloud.inventory().stream().filter(i -> id.equals(i.requestId()))
                .filter(i -> i.status().state() != ResourceState.DELETED).map(i -> i.status().resourceId()).toList();
    }

    /** The test cloud's resource id for a request. */
    static String failedResource(String id) {
        return "sbx-" + id;
    }

    /** Makes a claim look as if its process died long ago (its lease ran out). */
    void expireClaim(String id) {
        OffsetDateTime longAgo = OffsetDateTime.now().minusDays(1);
        dsl.update(PROVISIONING_REQUESTS).set(PROVISIONING_REQUESTS.CLAIMED_AT, longAgo)
                .set(PROVISIONING_REQUESTS.UPDATED_AT, longAgo).where(PROVISIONING_REQUESTS.ID.eq(id)).execute();
    }

    /** The invariants every fault must end in, once reconciled and swept. */
    void assertConsistent(String id) {
        RequestState state = state(id);
        assertThat(state).as("a final state").isIn(RequestState.PROVISIONED, RequestState.FAILED);
        if (state == RequestState.PROVISIONED) {
            assertThat(recorded(id)).as("one resource recorded").hasSize(1);
            assertThat(liveInCloud(id)).as("the same one resource in the cloud").isEqualTo(recorded(id));
            assertThat(cloud.stateOf(recorded(id).get(0))).isEqualTo(ResourceState.RUNNING);
            assertThat(reservations(id)).as("the reservation stays, metered spend is counted against it").isOne();
        } else {
            assertThat(recorded(id)).as("nothing recorded").isEmpty();
            assertThat(liveInCloud(id)).as("nothing left running in the cloud").isEmpty();
            assertThat(reservations(id)).as("budget freed").isZero();
        }
        assertThat(sweep.sweep()).as("no orphans left for the sweep").noneMatch(f -> id.equals(f.requestId()));
    }

    @Test
    void aSlowAnswerWithinTheLimitProvisionsOnce() {
        String id = newRequest(Fault.SLOW);

        assertThat(submit(id).state()).isEqualTo(RequestState.PROVISIONED);
        assertThat(cloud.provisionCalls(id)).isOne();
        assertConsistent(id);
    }

    @Test
    void aTimeoutAfterCreatingIsUnknownWithTheBudgetReservedUntilTheProviderConfirms() {
        String id = newRequest(Fault.TIMES_OUT_AFTER_CREATING);

        StoredRequest unknown = submit(id);
        assertThat(unknown.state()).isEqualTo(RequestState.UNKNOWN);
        assertThat(unknown.failure()).contains("waiting for the provider to confirm", "did not answer provision");
        assertThat(reservations(id)).as("reserved while unknown").isOne();
        assertThat(recorded(id)).isEmpty();

        executor.reconcile();
        assertThat(state(id)).isEqualTo(RequestState.PROVISIONED);
        assertThat(cloud.provisionCalls(id)).as("its status was asked, nothing provisioned again").isOne();
        assertConsistent(id);
    }

    @Test
    void anUnexpectedErrorAfterCreatingIsResolvedAsProvisioned() {
        String id = newRequest(Fault.THROWS_AFTER_CREATING);

        assertThat(submit(id).state()).isEqualTo(RequestState.UNKNOWN);
        assertThat(reservations(id)).isOne();
        executor.reconcile();
        assertConsistent(id);
        assertThat(state(id)).isEqualTo(RequestState.PROVISIONED);
    }

    @Test
    void anUnexpectedErrorBeforeCreatingIsResolvedAsFailedAndFreesTheBudget() {
        String id = newRequest(Fault.THROWS);

        assertThat(submit(id).state()).isEqualTo(RequestState.UNKNOWN);
        assertThat(reservations(id)).as("not released on a guess").isOne();
        executor.reconcile();
        assertThat(state(id)).isEqualTo(RequestState.FAILED);
        assertConsistent(id);
    }

    @Test
    void aRefusalAfterCreatingFailsAndTheSweepRemovesTheOrphan() {
        String id = newRequest(Fault.FAILS_AFTER_CREATING);

        StoredRequest failed = submit(id);
        assertThat(failed.state()).isEqualTo(RequestState.FAILED);
        assertThat(reservations(id)).isZero();
        assertThat(liveInCloud(id)).as("the provider left it running").hasSize(1);

        assertThat(sweep.sweep()).anySatisfy(f -> {
            assertThat(f.requestId()).isEqualTo(id);
            assertThat(f.what()).contains("orphan", "FAILED", "deprovisioned");
        });
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("provisioning.orphan-removed")
                .and(AUDIT_LOG.TARGET.eq("resource:" + failedResource(id))))).as("audited").isOne();
        assertConsistent(id);
    }

    @Test
    void aHangingCallThatCreatesLateEndsFailedAndTheLateResourceIsRemoved() throws Exception {
        String id = newRequest(Fault.HANGS);

        assertThat(submit(id).state()).isEqualTo(RequestState.UNKNOWN);
        executor.reconcile();
        assertThat(state(id)).as("the provider confirmed it holds nothing").isEqualTo(RequestState.FAILED);
        assertThat(reservations(id)).isZero();

        cloud.release(id);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (liveInCloud(id).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(liveInCloud(id)).as("the stuck call created it after all").hasSize(1);
        sweep.sweep();
        assertConsistent(id);
    }

    /**
     * The bug this fixes: reconcile handed over a request whose provider call was still running; both got the same
     * resource, the loser's insert broke the unique key and its catch block deprovisioned the winner's resource.
     */
    @Test
    void reconcileNeverHandsOverACallInFlight() throws Exception {
        String id = newRequest(Fault.BLOCKS_AFTER_CREATING);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<StoredRequest> inFlight = pool.submit(() -> submit(id));
            assertThat(cloud.awaitEntered(id, Duration.ofSeconds(30))).isTrue();

            executor.reconcile();
            assertThat(cloud.provisionCalls(id)).as("the live claim keeps reconcile away").isOne();

            cloud.release(id);
            assertThat(inFlight.get(30, TimeUnit.SECONDS).state()).isEqualTo(RequestState.PROVISIONED);
        } finally {
            pool.shutdownNow();
        }
        assertConsistent(id);
    }

    /** When a claim runs out (its process died) the retry and a late first answer record one resource, once. */
    @Test
    void aRetryAfterTheLeaseRanOutAndTheLateFirstAnswerRecordTheResourceOnceAndNeverDeleteIt() throws Exception {
        String id = newRequest(Fault.BLOCKS_AFTER_CREATING);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<StoredRequest> inFlight = pool.submit(() -> submit(id));
            assertThat(cloud.awaitEntered(id, Duration.ofSeconds(30))).isTrue();
            expireClaim(id);

            executor.reconcile();
            assertThat(state(id)).isEqualTo(RequestState.PROVISIONED);

            cloud.release(id);
            assertThat(inFlight.get(30, TimeUnit.SECONDS).state()).isEqualTo(RequestState.PROVISIONED);
        } finally {
            pool.shutdownNow();
        }
        assertConsistent(id);
    }

    /** A plugin built before API 1.2 cannot say what it holds: the idempotent provision call is asked again. */
    @Test
    void withoutAStatusByRequestTheUnknownIsResolvedByTheIdempotentProvisionCall() {
        cloud.actAsLegacy(true);
        String id = newRequest(Fault.TIMES_OUT_AFTER_CREATING);

        assertThat(submit(id).state()).isEqualTo(RequestState.UNKNOWN);
        executor.reconcile();
        assertThat(state(id)).isEqualTo(RequestState.PROVISIONED);
        assertThat(cloud.provisionCalls(id)).as("asked again with the same request id").isEqualTo(2);
        assertThat(sweep.sweep()).as("a provider without an inventory is not swept")
                .noneMatch(f -> "aws".equals(f.providerId()));
        assertConsistent(id);
    }

    @Test
    void theSweepRecordsTheResourceOfAnUnknownRequest() {
        String id = newRequest(Fault.TIMES_OUT_AFTER_CREATING);
        assertThat(submit(id).state()).isEqualTo(RequestState.UNKNOWN);

        assertThat(sweep.sweep()).anySatisfy(f -> {
            assertThat(f.requestId()).isEqualTo(id);
            assertThat(f.what()).contains("recorded");
        });
        assertThat(state(id)).isEqualTo(RequestState.PROVISIONED);
        assertConsistent(id);
    }

    @Test
    void theSweepMarksAResourceGoneFromTheCloudAsDeletedAndFreesItsBudget() throws Exception {
        String id = newRequest(null);
        StoredRequest provisioned = submit(id);
        assertThat(provisioned.state()).isEqualTo(RequestState.PROVISIONED);
        Thread.sleep(5);
        cloud.deprovision(provisioned.resourceId());

        assertThat(sweep.sweep()).anySatisfy(f -> {
            assertThat(f.resourceId()).isEqualTo(provisioned.resourceId());
            assertThat(f.what()).contains("gone at the provider");
        });
        assertThat(dsl.select(RESOURCES.STATE).from(RESOURCES).where(RESOURCES.ID.eq(provisioned.resourceId()))
                .fetchSingle(RESOURCES.STATE)).isEqualTo(ResourceState.DELETED.name());
        assertThat(reservations(id)).isZero();
        assertThat(sweep.sweep()).noneMatch(f -> id.equals(f.requestId()));
    }
}
