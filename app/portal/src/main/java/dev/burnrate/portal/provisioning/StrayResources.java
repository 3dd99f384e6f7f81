package dev.burnrate.portal.provisioning;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.ProvisioningException;
import dev.burnrate.api.ResourceStatus;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.notification.NotificationService;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes resources a provider holds that no request owns (its request failed, is unknown, or already holds another
 * resource). The one place that deprovisions without a user asking, so it refuses any resource the database holds:
 * those are only ever removed by their owner or an administrator. Every removal is audited and announced to the
 * administrators.
 */
@Component
class StrayResources {

    private static final Logger log = LoggerFactory.getLogger(StrayResources.class);

    private final ResourceRepository resources;
    private final ProviderCalls calls;
    private final AuditService audit;
    private final NotificationService notifications;
    private final TransactionTemplate tx;

    StrayResources(ResourceRepository resources, ProviderCalls calls, AuditService audit,
                   NotificationService notifications, TransactionTemplate tx) {
        this.resources = resources;
        this.calls = calls;
        this.audit = audit;
        this.notifications = notifications;
        this.tx = tx;
    }

    /** Deprovisions a stray; true when the provider confirmed it. */
    boolean remove(CloudProvider provider, String resourceId, String requestId, String why) {
        if (resources.find(resourceId).isPresent()) {
            log.error("Refusing to remove {} at {}: the inventory holds it ({})", resourceId, provider.id(), why);
            return false;
        }
        ResourceStatus status;
        try {
            status = calls.call(provider.id(), "deprovision", () -> provider.deprovision(resourceId));
        } catch (ProvisioningException | ProviderCalls.ProviderUnavailable e) {
            log.warn("Removing stray {} at {} failed (tried again at the next sweep): {}", resourceId, provider.id(),
                    e.getMessage());
            return false;
        }
        tx.executeWithoutResult(s -> {
            audit.record("provisioning.orphan-removed", "resource:" + resourceId,
                    Map.of("provider", provider.id(), "request", String.valueOf(requestId)),
                    Map.of("state", status.state().name(), "why", why));
            notifications.send(notifications.alertRecipients(null, false), "provisioning",
                    "Removed an orphaned resource: " + resourceId,
                    provider.displayName() + " held " + resourceId + " for request " + requestId
                            + ", which Burnrate did not record: " + why + ". It was deprovisioned.", "resources", null);
        });
        return true;
    }
}
