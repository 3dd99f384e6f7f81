package dev.burnrate.portal.provisioning;

import static dev.burnrate.portal.db.Tables.AUDIT_LOG;
import static dev.burnrate.portal.db.Tables.PROVISIONING_REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.portal.policy.PolicyService;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.ProvisioningTestBase;
import dev.burnrate.portal.support.RunAs;
import dev.burnrate.portal.support.SandboxTestProvider;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Provider capacity before provisioning: a sold-out offering moves the request to the next available offering of
 * the same hardware that the policies allow (the demo's GDPR residency policy keeps personal data in the EU even
 * when a US region is cheaper), the preview says so, nothing available is a clear refusal, and at hand-over a
 * request only moves when the move needs no new decision (no dearer than approved).
 */
class CapacityFailoverIT extends ProvisioningTestBase {

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
    HandOverCapacity handOver;
    @Autowired
    RequestRepository requests;
    @Autowired
    PolicyService policies;
    @Autowired
    SandboxTestProvider cloud;
    @Autowired
    DSLContext dsl;
    @Autowired
    ApplicationContext app;

    <T> T as(String user, Supplier<T> work, Role... roles) {
        return RunAs.user(app, user, work, roles);
    }

    @BeforeEach
    void inferenceBudget() {
        as("admin", () -> policies.get("inference-test-budget").isPresent() ? null
                : policies.save(null, TEAM_BUDGET, "test"), Role.ADMIN);
    }

    @AfterEach
    void restock() {
        cloud.restock();
    }

    /** An A10G notebook in Frankfurt (g5.12xlarge is also sold in us-east-1, cheaper, and eu-north-1). */
    private static RequestDraft notebook(String name, String classification) {
        return new RequestDraft(Template.NOTEBOOK, "inference", "serving", name, "aws", "eu-central-1", "g5.12xlarge",
                1, PurchaseOption.ON_DEMAND, 8.0, classification, Map.of("cost-center", "CC-2001", "owner", "approver"),
                true, true, false, false);
    }

    @Test
    void aSoldOutOfferingFailsOverToTheCheapestAvailableOneThePoliciesAllow() {
        cloud.soldOut("aws/eu-central-1/g5.12xlarge");
        RequestDraft draft = notebook("failover-internal", "internal");

        Preview preview = as("approver", () -> provisioning.preview(draft), Role.APPROVER);
        assertThat(preview.capacity()).contains("g5.12xlarge is sold out in eu-central-1",
                "no g5.12xlarge capacity in eu-central-1", "using g5.12xlarge in us-east-1 instead");
        assertThat(preview.estimate().hourlyCost()).isEqualTo(5.672);

        String id = UUID.randomUUID().toString();
        StoredRequest stored = as("approver", () -> provisioning.submit(id, draft), Role.APPROVER);
        assertThat(stored.regionId()).isEqualTo("us-east-1");
        assertThat(stored.hourlyCost()).isEqualTo(5.672);
        // a retry of the same submit is the same request, not "a different request"
        assertThat(as("approver", () -> provisioning.submit(id, draft), Role.APPROVER).id()).isEqualTo(id);
    }

    @Test
    void thePoliciesStillApplyPersonalDataFailsOverWithinTheEu() {
        cloud.soldOut("aws/eu-central-1/g5.12xlarge");
        String id = UUID.randomUUID().toString();
        StoredRequest stored = as("approver", () -> provisioning.submit(id, notebook("failover-gdpr", "personal-eu")),
                Role.APPROVER);
        assertThat(stored.regionId()).as("us-east-1 is cheaper but GDPR residency denies it").isEqualTo("eu-north-1");
        assertThat(stored.hourlyCost()).isEqualTo(6.01593);
    }

    @Test
    void nothingAvailableIsAClearRefusalAndStoresNothing() {
        cloud.soldOut("aws/eu-central-1/g5.12xlarge");
        cloud.soldOut("aws/eu-north-1/g5.12xlarge");
        String id = UUID.randomUUID().toString();
        assertThatThrownBy(() -> as("approver", () -> provisioning.submit(id, notebook("failover-none",
                "personal-eu")), Role.APPROVER))
                .isInstanceOf(DraftInvalid.class)
                .hasMessageContaining("g5.12xlarge is sold out in eu-central-1")
                .hasMessageContaining("no other offering with the same hardware is available");
        assertThat(dsl.fetchCount(PROVISIONING_REQUESTS, PROVISIONING_REQUESTS.ID.eq(id))).isZero();
    }

    @Test
    void atHandOverARequestMovesOnlyWithinWhatWasApproved() {
        String cheap = UUID.randomUUID().toString();
        StoredRequest inUs = as("approver", () -> provisioning.submit(cheap,
                notebook("handover-us", "internal").placedAt("us-east-1", "g5.12xlarge")), Role.APPROVER);
        String dear = UUID.randomUUID().toString();
        StoredRequest inFrankfurt = as("approver", () -> provisioning.submit(dear,
                notebook("handover-fra", "internal")), Role.APPROVER);
        cloud.soldOut("aws/us-east-1/g5.12xlarge");
        cloud.soldOut("aws/eu-central-1/g5.12xlarge");

        var usOffering = cloud.offerings().stream().filter(o -> o.key().equals("aws/us-east-1/g5.12xlarge"))
                .findFirst().orElseThrow();
        HandOverCapacity.Decision none = handOver.check(inUs, cloud, usOffering);
        assertThat(none.use()).as("every alternative costs more per hour than approved").isEmpty();
        assertThat(none.note()).contains("sold out in us-east-1");

        var fraOffering = cloud.offerings().stream().filter(o -> o.key().equals("aws/eu-central-1/g5.12xlarge"))
                .findFirst().orElseThrow();
        HandOverCapacity.Decision moved = handOver.check(inFrankfurt, cloud, fraOffering);
        assertThat(moved.use()).hasValueSatisfying(p -> assertThat(p.region().id()).isEqualTo("eu-north-1"));
        assertThat(requests.find(dear).orElseThrow().regionId()).isEqualTo("eu-north-1");
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("provisioning.capacity-failover")
                .and(AUDIT_LOG.TARGET.eq("request:" + dear)))).isEqualTo(1);
    }
}
