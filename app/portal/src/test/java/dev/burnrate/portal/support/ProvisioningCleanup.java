package dev.burnrate.portal.support;

import static dev.burnrate.portal.db.Tables.PROVISIONING_REQUESTS;

import dev.burnrate.api.ResourceState;
import dev.burnrate.engine.policy.budget.BudgetLedger;
import dev.burnrate.portal.provisioning.ResourceService;
import dev.burnrate.portal.provisioning.StoredResource;
import dev.burnrate.portal.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationContext;

/**
 * Undoes what one test provisioned on the portal that several test classes share, whether the test passed or not:
 * requests still waiting are closed and their budget reservations freed, and every resource the test created is
 * deleted through the provider, as its owner would. Without this a failed test leaves a RUNNING resource or a
 * reserved budget behind, and the next test's counts and budget thresholds depend on which test ran first.
 */
public final class ProvisioningCleanup {

    private static final List<String> OPEN_STATES = List.of("PENDING_APPROVAL", "APPROVED");
    private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(30);

    private final ApplicationContext app;

    public ProvisioningCleanup(ApplicationContext app) {
        this.app = app;
    }

    /** Closes requests and deletes resources created at or after {@code since}. */
    public void undoSince(Instant since) {
        DSLContext db = app.getBean(DSLContext.class);
        BudgetLedger ledger = app.getBean(BudgetLedger.class);
        OffsetDateTime from = since.atOffset(ZoneOffset.UTC);
        for (String requestId : db.select(PROVISIONING_REQUESTS.ID).from(PROVISIONING_REQUESTS)
                .where(PROVISIONING_REQUESTS.CREATED_AT.ge(from)).and(PROVISIONING_REQUESTS.STATE.in(OPEN_STATES))
                .fetch(PROVISIONING_REQUESTS.ID)) {
            int closed = db.update(PROVISIONING_REQUESTS)
                    .set(PROVISIONING_REQUESTS.STATE, "REJECTED")
                    .set(PROVISIONING_REQUESTS.FAILURE, "closed by the test that created it")
                    .where(PROVISIONING_REQUESTS.ID.eq(requestId)).and(PROVISIONING_REQUESTS.STATE.in(OPEN_STATES))
                    .execute();
            if (closed == 1) {
                ledger.release(requestId);
            }
        }
        awaitNoHandOverInFlight(db, from);
        RunAs.user(app, "test-cleanup", () -> {
            ResourceService resources = app.getBean(ResourceService.class);
            for (StoredResource resource : resources.list()) {
                if (!resource.createdAt().isBefore(since) && resource.state() != ResourceState.DELETED) {
                    resources.delete(resource.id());
                }
            }
            return null;
        }, Role.ADMIN);
    }

    /** A request being handed to the provider may still create a resource: wait until the provider answered. */
    private static void awaitNoHandOverInFlight(DSLContext db, OffsetDateTime from) {
        Instant deadline = Instant.now().plus(IN_FLIGHT_WAIT);
        while (db.fetchExists(PROVISIONING_REQUESTS, PROVISIONING_REQUESTS.CREATED_AT.ge(from)
                .and(PROVISIONING_REQUESTS.STATE.eq("PROVISIONING")))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("a request of this test is still being provisioned after " + IN_FLIGHT_WAIT);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
