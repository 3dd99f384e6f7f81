package dev.burnrate.portal.support;

import static dev.burnrate.portal.db.Tables.BUDGET_RESERVATIONS;
import static dev.burnrate.portal.db.Tables.PROVISIONING_REQUESTS;
import static dev.burnrate.portal.db.Tables.RESOURCES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.portal.provisioning.ProvisioningService;
import dev.burnrate.portal.provisioning.RequestDraft;
import dev.burnrate.portal.provisioning.RequestState;
import dev.burnrate.portal.provisioning.StoredRequest;
import dev.burnrate.portal.provisioning.Template;
import dev.burnrate.portal.security.Role;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The clean-up every provisioning test relies on to leave the shared portal as it found it: what a test left
 * running is deleted, what it left waiting is closed and its budget reservation freed, and what existed before
 * the test is not touched.
 */
class ProvisioningCleanupIT extends ProvisioningTestBase {

    @Autowired
    ApplicationContext app;
    @Autowired
    ProvisioningService provisioning;
    @Autowired
    DSLContext dsl;

    private StoredRequest submit(String user, Role role, RequestDraft draft) {
        return RunAs.user(app, user, () -> provisioning.submit(UUID.randomUUID().toString(), draft), role);
    }

    @Test
    void deletesWhatATestLeftRunningAndClosesWhatItLeftWaiting() {
        long runningBefore = dsl.fetchCount(RESOURCES, RESOURCES.STATE.eq("RUNNING"));
        Instant started = Instant.now();
        // An A10G notebook for the inference team: allowed, so it runs at once.
        StoredRequest running = submit("approver", Role.APPROVER, new RequestDraft(Template.NOTEBOOK, "inference",
                "serving", "left-running", "aws", "eu-central-1", "g5.12xlarge", 1, PurchaseOption.ON_DEMAND, 8.0,
                "internal", Map.of("cost-center", "CC-2001", "owner", "approver"), true, true, false, false));
        // Three days of H100s ($4,240) for ML research, at 75% of its $50,000 month: past 80%, so the budget sends
        // it for approval.
        StoredRequest waiting = submit("engineer", Role.ENGINEER, new RequestDraft(Template.GPU_TRAINING,
                "ml-research", null, "left-waiting", "aws", "eu-north-1", "p5.48xlarge", 1, PurchaseOption.ON_DEMAND,
                72.0, "internal", Map.of("cost-center", "CC-1234", "owner", "engineer"), true, true, false, false));
        assertThat(running.state()).isEqualTo(RequestState.PROVISIONED);
        assertThat(waiting.state()).isEqualTo(RequestState.PENDING_APPROVAL);
        assertThat(dsl.fetchCount(BUDGET_RESERVATIONS, BUDGET_RESERVATIONS.REQUEST_ID.eq(waiting.id()))).isPositive();

        new ProvisioningCleanup(app).undoSince(started);

        assertThat(dsl.fetchValue(RESOURCES.STATE, RESOURCES.REQUEST_ID.eq(running.id()))).isEqualTo("DELETED");
        assertThat(dsl.fetchValue(PROVISIONING_REQUESTS.STATE, PROVISIONING_REQUESTS.ID.eq(waiting.id())))
                .isEqualTo("REJECTED");
        assertThat(dsl.fetchCount(BUDGET_RESERVATIONS, BUDGET_RESERVATIONS.REQUEST_ID.eq(waiting.id()))).isZero();
        assertThat(dsl.fetchCount(RESOURCES, RESOURCES.STATE.eq("RUNNING"))).as("resources from before the test")
                .isEqualTo(runningBefore);
    }
}
