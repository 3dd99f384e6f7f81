package dev.burnrate.portal.provisioning;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.ProvisioningException;
import dev.burnrate.api.ResourceState;
import dev.burnrate.api.ResourceStatus;
import dev.burnrate.engine.policy.budget.BudgetLedger;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.notification.NotificationService;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resources the database shows as live that the provider's inventory lacks. The provider's own {@code status} must
 * confirm it (deleted, or "no such resource") before the record is changed, so a short or flaky inventory never
 * rewrites the database. A confirmed one is marked deleted, its budget reservation freed, audited and announced.
 */
@Component
class GoneResources {

    private final ResourceRepository resources;
    private final ProviderCalls calls;
    private final BudgetLedger ledger;
    private final AuditService audit;
    private final NotificationService notifications;
    private final TransactionTemplate tx;
    private final Clock clock;

    GoneResources(ResourceRepository resources, ProviderCalls calls, BudgetLedger ledger, AuditService audit,
                  NotificationService notifications, TransactionTemplate tx, Clock clock) {
        this.resources = resources;
        this.calls = calls;
        this.ledger = ledger;
        this.audit = audit;
        this.notifications = notifications;
        this.tx = tx;
        this.clock = clock;
    }

    /** True when the provider confirmed the resource is gone and the record now says deleted. */
    boolean confirmAndMark(CloudProvider provider, StoredResource stored) {
        ResourceStatus gone;
        try {
            ResourceStatus status = calls.call(provider.id(), "status", () -> provider.status(stored.id()));
            if (status.state() != ResourceState.DELETED && status.state() != ResourceState.FAILED) {
                return false;
            }
            gone = status;
        } catch (ProvisioningException unknownThere) {
            // since its last metering: the provider cannot meter what it no longer knows
            gone = new ResourceStatus(stored.id(), ResourceState.DELETED, stored.meteredUntil(),
                    "gone at the provider: " + unknownThere.getMessage());
        } catch (ProviderCalls.ProviderUnavailable notNow) {
            return false;
        }
        ResourceStatus marked = gone;
        tx.executeWithoutResult(s -> {
            resources.updateState(stored.id(), marked, clock.instant());
            ledger.release(stored.requestId());
            audit.record("resource.gone", "resource:" + stored.id(), Map.of("state", stored.state().name()),
                    Map.of("state", marked.state().name(), "why", "missing from the provider's inventory"));
            notifications.send(notifications.alertRecipients(stored.teamId(), false), "provisioning",
                    "Resource gone at the provider: " + stored.name(), stored.id() + " (" + stored.providerId()
                            + ") was recorded as " + stored.state().name().toLowerCase()
                            + " but the provider no longer has it; it is now shown as deleted.", "resources", null);
        });
        return true;
    }
}
