package dev.burnrate.portal.provisioning;

import static dev.burnrate.portal.db.Tables.BUDGET_RESERVATIONS;
import static dev.burnrate.portal.db.Tables.METERED_USAGE;
import static dev.burnrate.portal.db.Tables.PROVISIONING_REQUESTS;
import static dev.burnrate.portal.db.Tables.RESOURCES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.ResourceState;
import dev.burnrate.api.StorageOffering;
import dev.burnrate.engine.policy.Outcome;
import dev.burnrate.portal.policy.PolicyService;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.ProvisioningTestBase;
import dev.burnrate.portal.support.SandboxTestProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Provisioning through the services of the running portal (demo users, demo policies, the test cloud): idempotent
 * submits, a provider refusal leaving a clear failed state and no resource, stop and delete rights. Uses the
 * inference team, whose budget this class defines, so the browser flow's ML research budget is left alone.
 */
class ProvisioningServiceIT extends ProvisioningTestBase {

    private static final String TEAM_BUDGET = """
            id: inference-test-budget
            name: Inference budget (test)
            scope:
              team: inference
            rules:
              - type: budget
                period: month
                amount: 100000
                thresholds:
                  - {at: 100, action: deny}
            """;

    @Autowired
    ProvisioningService provisioning;
    @Autowired
    ResourceService resources;
    @Autowired
    PolicyService policies;
    @Autowired
    SandboxTestProvider cloud;
    @Autowired
    DSLContext dsl;

    @Autowired
    org.springframework.context.ApplicationContext app;

    <T> T as(String user, Supplier<T> work, Role... roles) {
        return dev.burnrate.portal.support.RunAs.user(app, user, work, roles);
    }

    @BeforeEach
    void inferenceBudget() {
        as("admin", () -> policies.get("inference-test-budget").isPresent() ? null
                : policies.save(null, TEAM_BUDGET, "test"), Role.ADMIN);
    }

    /** An A10G notebook for the inference team in Frankfurt: allowed by every demo policy. */
    private static RequestDraft notebook(String name) {
        return new RequestDraft(Template.NOTEBOOK, "inference", "serving", name, "aws", "eu-central-1", "g5.12xlarge",
                1, PurchaseOption.ON_DEMAND, 8.0, "internal", Map.of("cost-center", "CC-2001", "owner", "approver"),
                true, true, false, false);
    }

    @Test
    void aDoubleSubmitCreatesOneRequestOneReservationAndOneResource() throws Exception {
        String id = UUID.randomUUID().toString();
        int callsBefore = cloud.provisionCalls();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<StoredRequest>> clicks = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                clicks.add(pool.submit(() -> {
                    start.await();
                    return as("approver", () -> provisioning.submit(id, notebook("double-click")), Role.APPROVER);
                }));
            }
            start.countDown();
            StoredRequest first = clicks.get(0).get(60, TimeUnit.SECONDS);
            StoredRequest second = clicks.get(1).get(60, TimeUnit.SECONDS);
            assertThat(first.id()).isEqualTo(second.id()).isEqualTo(id);
        } finally {
            pool.shutdownNow();
        }
        StoredRequest stored = as("approver", () -> provisioning.submit(id, notebook("double-click")), Role.APPROVER);

        assertThat(stored.state()).isEqualTo(RequestState.PROVISIONED);
        assertThat(dsl.fetchCount(PROVISIONING_REQUESTS, PROVISIONING_REQUESTS.ID.eq(id))).isEqualTo(1);
        assertThat(dsl.fetchCount(RESOURCES, RESOURCES.REQUEST_ID.eq(id))).isEqualTo(1);
        assertThat(dsl.fetchCount(BUDGET_RESERVATIONS, BUDGET_RESERVATIONS.REQUEST_ID.eq(id))).isEqualTo(1);
        assertThat(cloud.provisionCalls() - callsBefore).isEqualTo(1);
    }

    @Test
    void theSameIdWithDifferentContentIsRefused() {
        String id = UUID.randomUUID().toString();
        as("approver", () -> provisioning.submit(id, notebook("first")), Role.APPROVER);

        assertThatThrownBy(() -> as("approver", () -> provisioning.submit(id, notebook("second")), Role.APPROVER))
                .isInstanceOf(DraftInvalid.class).hasMessageContaining("already used for a different request");
    }

    @Test
    void aProviderRefusalLeavesAFailedRequestWithItsCauseAndNothingElse() {
        String id = UUID.randomUUID().toString();
        int resourcesBefore = cloud.resourceCount();
        cloud.refuseNext("InsufficientInstanceCapacity: no g5.12xlarge left in eu-central-1");

        StoredRequest failed = as("approver", () -> provisioning.submit(id, notebook("refused")), Role.APPROVER);

        assertThat(failed.state()).isEqualTo(RequestState.FAILED);
        assertThat(failed.failure()).contains("InsufficientInstanceCapacity");
        assertThat(failed.resourceId()).isNull();
        assertThat(dsl.fetchCount(RESOURCES, RESOURCES.REQUEST_ID.eq(id))).isZero();
        assertThat(dsl.fetchCount(BUDGET_RESERVATIONS, BUDGET_RESERVATIONS.REQUEST_ID.eq(id))).as("budget freed")
                .isZero();
        assertThat(cloud.resourceCount()).isEqualTo(resourcesBefore);
    }

    @Test
    void invalidFormsAreRefusedFieldByFieldAndStoreNothing() {
        String id = UUID.randomUUID().toString();
        RequestDraft broken = new RequestDraft(Template.GPU_TRAINING, "inference", null, "Bad Name!", "aws",
                "eu-central-1", "c3.2xlarge", 0, PurchaseOption.ON_DEMAND, -1.0, "secret", Map.of(), true, true,
                false, false);

        assertThatThrownBy(() -> as("approver", () -> provisioning.submit(id, broken), Role.APPROVER))
                .isInstanceOfSatisfying(DraftInvalid.class, e -> assertThat(e.errors())
                        .extracting(DraftInvalid.FieldError::field)
                        .contains("name", "count", "durationHours", "dataClassification", "offering"));
        assertThat(dsl.fetchCount(PROVISIONING_REQUESTS, PROVISIONING_REQUESTS.ID.eq(id))).isZero();
    }

    @Test
    void onlyTheOwnerStopsAndDeletesAndStoppingFreesTheBudget() {
        String id = UUID.randomUUID().toString();
        StoredRequest request = as("approver", () -> provisioning.submit(id, notebook("to-stop")), Role.APPROVER);
        String resourceId = request.resourceId();

        assertThatThrownBy(() -> as("engineer", () -> resources.stop(resourceId), Role.ENGINEER))
                .isInstanceOf(AccessDeniedException.class);
        StoredResource stopped = as("approver", () -> resources.stop(resourceId), Role.APPROVER);
        assertThat(stopped.state()).isEqualTo(ResourceState.STOPPED);
        assertThat(dsl.fetchCount(BUDGET_RESERVATIONS, BUDGET_RESERVATIONS.REQUEST_ID.eq(id))).isZero();
        StoredResource deleted = as("approver", () -> resources.delete(resourceId), Role.APPROVER);
        assertThat(deleted.state()).isEqualTo(ResourceState.DELETED);
        // "My requests" shows what "Resources" shows, not the PROVISIONED of the hand-over.
        assertThat(as("approver", () -> provisioning.myRequests(), Role.APPROVER))
                .filteredOn(r -> r.request().id().equals(id)).singleElement()
                .extracting(MyRequest::displayedState).isEqualTo("DELETED");
    }

    /** 500 GB of S3 Standard in Frankfurt: estimated per GB-month, allowed by policy, provisioned and metered. */
    @Test
    void aStorageBucketIsEstimatedJudgedProvisionedAndMetered() {
        RequestDraft bucket = new RequestDraft(Template.STORAGE_BUCKET, "inference", "serving", "datasets", "aws",
                "eu-central-1", StorageOffering.INSTANCE_TYPE_PREFIX + "S3 Standard", 500, PurchaseOption.ON_DEMAND,
                null, "internal", Map.of("cost-center", "CC-2001", "owner", "approver"), true, true, false, false);

        Preview preview = as("approver", () -> provisioning.preview(bucket), Role.APPROVER);
        assertThat(preview.estimate().monthlyRunRate()).isCloseTo(500 * 0.023, within(1e-9));
        assertThat(preview.estimate().hourlyCost()).isCloseTo(500 * 0.023 / 730, within(1e-12));
        assertThat(preview.decision().outcome()).isEqualTo(Outcome.ALLOW);

        String id = UUID.randomUUID().toString();
        StoredRequest stored = as("approver", () -> provisioning.submit(id, bucket), Role.APPROVER);
        assertThat(stored.state()).isEqualTo(RequestState.PROVISIONED);
        assertThat(stored.hourlyCost()).isCloseTo(500 * 0.023 / 730, within(1e-12));
        StoredResource resource = as("approver", () -> resources.list(), Role.APPROVER).stream()
                .filter(r -> r.requestId().equals(id)).findFirst().orElseThrow();
        assertThat(resource.count()).isEqualTo(500);
        assertThat(resource.state()).isEqualTo(ResourceState.RUNNING);

        as("admin", () -> resources.meterNow(), Role.ADMIN);
        var metered = dsl.selectFrom(METERED_USAGE).where(METERED_USAGE.RESOURCE_ID.eq(resource.id())).fetch();
        assertThat(metered).isNotEmpty().allSatisfy(row -> {
            assertThat(row.getConsumedUnit()).isEqualTo("GB-Month");
            assertThat(row.getServiceName()).isEqualTo("Amazon Simple Storage Service");
            // cost metered = the list price per GB-month times the GB-months, to the column's 12 decimals
            assertThat(row.getBilledCost().doubleValue()).isCloseTo(0.023 * row.getConsumedQuantity(),
                    within(1e-12));
        });
        StoredResource deleted = as("approver", () -> resources.delete(resource.id()), Role.APPROVER);
        assertThat(deleted.state()).isEqualTo(ResourceState.DELETED);
    }

    /** A CPU inference service: the inference template offers CPU instances, and one can be requested. */
    @Test
    void aCpuInferenceServiceCanBeRequested() {
        assertThat(as("approver", () -> provisioning.offerings("aws", "eu-central-1", Template.INFERENCE_ENDPOINT),
                Role.APPROVER)).extracting(dev.burnrate.api.Offering::instanceType)
                .contains("c3.2xlarge", "g5.12xlarge");
        RequestDraft cpu = new RequestDraft(Template.INFERENCE_ENDPOINT, "inference", "serving", "cpu-serving", "aws",
                "eu-central-1", "c3.2xlarge", 2, PurchaseOption.ON_DEMAND, null, "internal",
                Map.of("cost-center", "CC-2001", "owner", "approver"), true, true, false, true);

        StoredRequest stored = as("approver", () -> provisioning.submit(UUID.randomUUID().toString(), cpu),
                Role.APPROVER);

        assertThat(stored.state()).isEqualTo(RequestState.PROVISIONED);
        assertThat(stored.instanceType()).isEqualTo("c3.2xlarge");
    }

    /** A bucket must name a storage class, and a compute template cannot take one. */
    @Test
    void templatesAndOfferingsMustMatch() {
        RequestDraft bucketOnVm = new RequestDraft(Template.STORAGE_BUCKET, "inference", null, "bad-bucket", "aws",
                "eu-central-1", "c3.2xlarge", 100, PurchaseOption.ON_DEMAND, null, "internal", Map.of(), true, true,
                false, false);
        assertThatThrownBy(() -> as("approver", () -> provisioning.preview(bucketOnVm), Role.APPROVER))
                .hasMessageContaining("needs a storage class");
    }

    @Test
    void engineersCannotProvisionForTeamsTheyAreNotIn() {
        assertThatThrownBy(() -> as("engineer", () -> provisioning.submit(UUID.randomUUID().toString(),
                notebook("not-mine")), Role.ENGINEER)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("finance", () -> provisioning.submit(UUID.randomUUID().toString(),
                notebook("finance")), Role.FINANCE)).isInstanceOf(AccessDeniedException.class);
    }
}
