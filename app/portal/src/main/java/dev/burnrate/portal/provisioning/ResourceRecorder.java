package dev.burnrate.portal.provisioning;

import dev.burnrate.api.ResourceStatus;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.notification.NotificationService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the resource a provider created for a request, idempotently: under the request's row lock, the same
 * request and resource again is a no-op success, and a second, different resource for one request is reported (as
 * {@link Outcome#DUPLICATE}) instead of breaking the unique key. Nothing here ever deprovisions; a failure to record
 * leaves the request claimed, and reconciliation asks the provider again once the claim runs out.
 */
@Component
class ResourceRecorder {

    /** What recording found. */
    enum Outcome {
        /** Recorded now; the request is PROVISIONED. */
        RECORDED,
        /** This very resource was recorded for the request before: nothing changed. */
        ALREADY_RECORDED,
        /** The request holds another resource already; this one is not the request's and was not recorded. */
        DUPLICATE,
        /** The request is closed (FAILED, ...) or the resource id belongs to another request; nothing recorded. */
        NOT_RECORDED
    }

    private final RequestRepository requests;
    private final ResourceRepository resources;
    private final AuditService audit;
    private final NotificationService notifications;
    private final TransactionTemplate tx;
    private final Clock clock;

    ResourceRecorder(RequestRepository requests, ResourceRepository resources, AuditService audit,
                     NotificationService notifications, TransactionTemplate tx, Clock clock) {
        this.requests = requests;
        this.resources = resources;
        this.audit = audit;
        this.notifications = notifications;
        this.tx = tx;
        this.clock = clock;
    }

    Outcome record(String requestId, ResourceStatus status) {
        return tx.execute(s -> {
            StoredRequest request = requests.lock(requestId).orElseThrow();
            var held = resources.findByRequest(requestId);
            if (held.isPresent()) {
                if (!held.get().id().equals(status.resourceId())) {
                    return Outcome.DUPLICATE;
                }
                if (open(request.state())) {
                    markProvisioned(request, status.resourceId(), clock.instant());
                }
                return Outcome.ALREADY_RECORDED;
            }
            if (resources.find(status.resourceId()).isPresent()) {
                return Outcome.NOT_RECORDED;
            }
            Instant now = clock.instant();
            if (request.state() == RequestState.PROVISIONED && (request.resourceId() == null
                    || request.resourceId().equals(status.resourceId()))) {
                // PROVISIONED without its resource row (e.g. written by an older version): complete the record
                resources.insert(request, status, now);
                requests.attachResource(request.id(), status.resourceId());
                audit.record("provisioning.resource-recorded", "request:" + request.id(), Map.of(),
                        Map.of("resource", status.resourceId()));
                return Outcome.RECORDED;
            }
            if (!open(request.state())) {
                return Outcome.NOT_RECORDED;
            }
            resources.insert(request, status, now);
            markProvisioned(request, status.resourceId(), now);
            notifications.send(List.of(request.requestedBy()), "provisioning", "Provisioned: " + request.name(),
                    request.describe() + " is " + status.state().name().toLowerCase() + ".", "resources", null);
            return Outcome.RECORDED;
        });
    }

    private void markProvisioned(StoredRequest request, String resourceId, Instant now) {
        requests.transition(request.id(), request.state(), RequestState.PROVISIONED, null, resourceId, now);
        audit.record("provisioning.provisioned", "request:" + request.id(),
                Map.of("state", request.state().name()),
                Map.of("state", RequestState.PROVISIONED.name(), "resource", resourceId));
    }

    private static boolean open(RequestState state) {
        return state == RequestState.PROVISIONING || state == RequestState.UNKNOWN;
    }
}
