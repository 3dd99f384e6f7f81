package dev.burnrate.portal.provisioning;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.Offering;
import dev.burnrate.api.ProvisionRequest;
import dev.burnrate.api.ProvisioningException;
import dev.burnrate.api.ResourceStatus;
import dev.burnrate.engine.policy.budget.BudgetLedger;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.notification.NotificationService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands approved requests to the provider plugin. The provider call happens outside any transaction; the request
 * is marked PROVISIONING first, so only one caller ever hands it over. A refusal marks it FAILED with the cause and
 * frees its budget; a provider that cannot be reached leaves it PROVISIONING, and {@link #reconcile} asks again with
 * the same request id (providers are idempotent on it) until it answers or the request times out. A resource is
 * recorded only when the provider returned it; if recording fails the resource is deprovisioned again.
 */
@Component
class ProvisioningExecutor {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningExecutor.class);
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);

    private final RequestRepository requests;
    private final ResourceRepository resources;
    private final ProviderCatalog catalog;
    private final ProviderCalls calls;
    private final BudgetLedger ledger;
    private final AuditService audit;
    private final NotificationService notifications;
    private final TransactionTemplate tx;
    private final Clock clock;

    ProvisioningExecutor(RequestRepository requests, ResourceRepository resources, ProviderCatalog catalog,
                         ProviderCalls calls, BudgetLedger ledger, AuditService audit,
                         NotificationService notifications, TransactionTemplate tx, Clock clock) {
        this.requests = requests;
        this.resources = resources;
        this.catalog = catalog;
        this.calls = calls;
        this.ledger = ledger;
        this.audit = audit;
        this.notifications = notifications;
        this.tx = tx;
        this.clock = clock;
    }

    /** Provisions an APPROVED request; a no-op when another caller took it already. */
    void provision(String requestId) {
        Boolean mine = tx.execute(status -> requests.transition(requestId, RequestState.APPROVED,
                RequestState.PROVISIONING, null, null, clock.instant()));
        if (Boolean.TRUE.equals(mine)) {
            handOver(requests.find(requestId).orElseThrow());
        }
    }

    /** Asks providers again about requests stuck in PROVISIONING (a crash, a timeout). */
    @Scheduled(fixedDelayString = "${burnrate.provisioning.reconcile-ms:60000}", initialDelay = 20_000)
    @SchedulerLock(name = "provisioning-reconcile")
    void reconcile() {
        Instant now = clock.instant();
        for (StoredRequest stuck : requests.find(dev.burnrate.portal.db.Tables.PROVISIONING_REQUESTS.STATE
                .eq(RequestState.PROVISIONING.name()), 100)) {
            if (stuck.updatedAt().plus(GIVE_UP_AFTER).isBefore(now)) {
                fail(stuck, "the provider did not confirm the resource within " + GIVE_UP_AFTER.toMinutes()
                        + " minutes" + (stuck.failure() == null ? "" : " (" + stuck.failure() + ")"));
            } else {
                handOver(stuck);
            }
        }
    }

    private void handOver(StoredRequest request) {
        CloudProvider provider = catalog.provider(request.providerId()).orElse(null);
        Offering offering = catalog.offering(request.providerId(), request.regionId(), request.instanceType())
                .orElse(null);
        if (provider == null || offering == null) {
            fail(request, provider == null ? "provider plugin '" + request.providerId() + "' is not loaded"
                    : "the provider no longer offers " + request.instanceType() + " in " + request.regionId());
            return;
        }
        ProvisionRequest call = new ProvisionRequest(request.id(), offering, request.count(), request.purchaseOption(),
                request.name(), providerTags(request), request.encrypted(), request.privateNetwork());
        ResourceStatus status;
        try {
            status = calls.call(provider.id(), "provision", () -> provider.provision(call));
        } catch (ProvisioningException refused) {
            fail(request, refused.getMessage());
            return;
        } catch (ProviderCalls.ProviderUnavailable unreachable) {
            log.warn("Provisioning {} not confirmed yet: {}", request.id(), unreachable.getMessage());
            tx.executeWithoutResult(s -> requests.transition(request.id(), RequestState.PROVISIONING,
                    RequestState.PROVISIONING, "retrying: " + unreachable.getMessage(), null, request.updatedAt()));
            return;
        }
        if (status.state() == dev.burnrate.api.ResourceState.DELETED
                || status.state() == dev.burnrate.api.ResourceState.FAILED) {
            fail(request, "the provider reports the resource " + status.state().name().toLowerCase()
                    + (status.message() == null ? "" : ": " + status.message()));
            return;
        }
        record(request, provider, status);
    }

    private void record(StoredRequest request, CloudProvider provider, ResourceStatus status) {
        try {
            tx.executeWithoutResult(s -> {
                Instant now = clock.instant();
                resources.insert(request, status, now);
                requests.transition(request.id(), RequestState.PROVISIONING, RequestState.PROVISIONED, null,
                        status.resourceId(), now);
                audit.record("provisioning.provisioned", "request:" + request.id(),
                        Map.of("state", RequestState.PROVISIONING.name()),
                        Map.of("state", RequestState.PROVISIONED.name(), "resource", status.resourceId()));
                notifications.send(List.of(request.requestedBy()), "provisioning", "Provisioned: " + request.name(),
                        request.describe() + " is " + status.state().name().toLowerCase() + ".", "resources", null);
            });
        } catch (RuntimeException e) {
            log.error("Recording resource {} of request {} failed; deprovisioning it", status.resourceId(),
                    request.id(), e);
            try {
                calls.call(provider.id(), "deprovision", () -> provider.deprovision(status.resourceId()));
                fail(request, "recording the resource failed, so it was removed again: " + e.getMessage());
            } catch (ProvisioningException | RuntimeException again) {
                log.error("Deprovisioning {} failed too; the request stays PROVISIONING for reconciliation",
                        status.resourceId(), again);
            }
            throw e;
        }
    }

    private void fail(StoredRequest request, String cause) {
        tx.executeWithoutResult(s -> {
            if (requests.transition(request.id(), RequestState.PROVISIONING, RequestState.FAILED, cause, null,
                    clock.instant())) {
                ledger.release(request.id());
                audit.record("provisioning.failed", "request:" + request.id(),
                        Map.of("state", RequestState.PROVISIONING.name()),
                        Map.of("state", RequestState.FAILED.name(), "cause", cause));
                notifications.send(List.of(request.requestedBy()), "provisioning", "Failed: " + request.name(),
                        "The provider did not create " + request.describe() + ": " + cause, "provision", null);
            }
        });
    }

    private static Map<String, String> providerTags(StoredRequest request) {
        Map<String, String> tags = new TreeMap<>(request.tags());
        tags.put("burnrate:team", request.team());
        tags.put("burnrate:owner", request.requestedBy());
        tags.put("burnrate:request", request.id());
        if (request.project() != null) {
            tags.put("burnrate:project", request.project());
        }
        return tags;
    }
}
