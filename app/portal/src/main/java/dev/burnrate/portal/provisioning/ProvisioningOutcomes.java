package dev.burnrate.portal.provisioning;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.ResourceState;
import dev.burnrate.api.ResourceStatus;
import dev.burnrate.engine.policy.budget.BudgetLedger;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.notification.NotificationService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a provider's answer does to a claimed request: a resource is recorded ({@link ResourceRecorder}; a second
 * one for the request, or one for a closed request, is removed as a stray, never the recorded one); a definite
 * refusal fails the request and frees its budget; no definite answer makes it UNKNOWN with the budget kept.
 */
@Component
class ProvisioningOutcomes {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningOutcomes.class);

    private final RequestRepository requests;
    private final ResourceRecorder recorder;
    private final StrayResources strays;
    private final BudgetLedger ledger;
    private final AuditService audit;
    private final NotificationService notifications;
    private final TransactionTemplate tx;
    private final Clock clock;

    ProvisioningOutcomes(RequestRepository requests, ResourceRecorder recorder, StrayResources strays,
                         BudgetLedger ledger, AuditService audit, NotificationService notifications,
                         TransactionTemplate tx, Clock clock) {
        this.requests = requests;
        this.recorder = recorder;
        this.strays = strays;
        this.ledger = ledger;
        this.audit = audit;
        this.notifications = notifications;
        this.tx = tx;
        this.clock = clock;
    }

    void conclude(StoredRequest request, RequestState from, CloudProvider provider, ResourceStatus status) {
        if (status.state() == ResourceState.DELETED || status.state() == ResourceState.FAILED) {
            fail(request, from, "the provider reports the resource " + status.state().name().toLowerCase()
                    + (status.message() == null ? "" : ": " + status.message()));
            return;
        }
        ResourceRecorder.Outcome outcome;
        try {
            outcome = recorder.record(request.id(), status);
        } catch (RuntimeException e) {
            // the claim stays until its lease runs out; then reconcile asks the provider again
            log.error("Recording resource {} of request {} failed; it is asked for again later", status.resourceId(),
                    request.id(), e);
            return;
        }
        if (outcome == ResourceRecorder.Outcome.DUPLICATE || outcome == ResourceRecorder.Outcome.NOT_RECORDED) {
            strays.remove(provider, status.resourceId(), request.id(), outcome == ResourceRecorder.Outcome.DUPLICATE
                    ? "the request holds another resource already" : "the request is closed");
        }
    }

    void unknown(StoredRequest request, String cause) {
        log.warn("Provisioning {} has no definite answer: {}", request.id(), cause);
        tx.executeWithoutResult(s -> {
            if (requests.transition(request.id(), RequestState.PROVISIONING, RequestState.UNKNOWN,
                    "waiting for the provider to confirm: " + cause, null, clock.instant())) {
                audit.record("provisioning.unknown", "request:" + request.id(),
                        Map.of("state", RequestState.PROVISIONING.name()),
                        Map.of("state", RequestState.UNKNOWN.name(), "cause", cause));
            }
        });
    }

    void fail(StoredRequest request, RequestState from, String cause) {
        tx.executeWithoutResult(s -> {
            if (requests.transition(request.id(), from, RequestState.FAILED, cause, null, clock.instant())) {
                ledger.release(request.id());
                audit.record("provisioning.failed", "request:" + request.id(), Map.of("state", from.name()),
                        Map.of("state", RequestState.FAILED.name(), "cause", cause));
                notifications.send(List.of(request.requestedBy()), "provisioning", "Failed: " + request.name(),
                        "The provider did not create " + request.describe() + ": " + cause, "provision", null);
            }
        });
    }
}
