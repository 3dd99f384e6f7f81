package dev.burnrate.portal.provisioning;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.Offering;
import dev.burnrate.api.ProvisionRequest;
import dev.burnrate.api.ProvisioningException;
import dev.burnrate.api.ResourceStatus;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands approved requests to the provider plugin, as the state machine of {@link RequestTransitions} allows. Before
 * a provider call the request is claimed by this process for a lease longer than the call's time limit, so nobody
 * else hands it over while the call is in flight. A refusal marks it FAILED and frees its budget; a call that ends
 * without a definite answer (a timeout, an unexpected error) leaves it UNKNOWN with the budget reserved, and
 * {@link #reconcile} asks the provider's status for the request until it says PROVISIONED or FAILED. A resource is
 * recorded idempotently ({@link ProvisioningOutcomes}); nothing here deprovisions a resource the database holds.
 */
@Component
class ProvisioningExecutor {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningExecutor.class);
    /** Who holds a claim: this process (pid@host) and a random part, unique across restarts. */
    static final String NODE = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    /** An APPROVED request not handed over this long after approval (the process died in between) is taken up. */
    static final Duration HAND_OVER_GRACE = Duration.ofMinutes(1);

    /** Requests a thread of this process is working on now. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final RequestRepository requests;
    private final ProviderCatalog catalog;
    private final ProviderCalls calls;
    private final ProvisioningOutcomes outcomes;
    private final HandOverCapacity capacity;
    private final TransactionTemplate tx;
    private final Clock clock;

    ProvisioningExecutor(RequestRepository requests, ProviderCatalog catalog, ProviderCalls calls,
                         ProvisioningOutcomes outcomes, HandOverCapacity capacity, TransactionTemplate tx,
                         Clock clock) {
        this.capacity = capacity;
        this.requests = requests;
        this.catalog = catalog;
        this.calls = calls;
        this.outcomes = outcomes;
        this.tx = tx;
        this.clock = clock;
    }

    /** Provisions an APPROVED request; a no-op when another caller claimed it already. */
    void provision(String requestId) {
        takeOver(requestId, RequestState.APPROVED, RequestState.PROVISIONING,
                () -> handOver(requests.find(requestId).orElseThrow()));
    }

    /**
     * Claims a request and works on it. The database claim keeps other processes out. The in-flight set keeps this
     * process's own threads apart, and tells whether a claim this process holds is still being worked on: one that
     * is not (its work ended without recording an outcome, e.g. the database was down when the provider answered)
     * is taken over at once instead of after the lease. Without the in-flight token only a claim past its lease is
     * taken over.
     */
    private void takeOver(String requestId, RequestState from, RequestState to, Runnable work) {
        boolean token = inFlight.add(requestId);
        try {
            if (claim(requestId, from, to, token)) {
                work.run();
            }
        } finally {
            if (token) {
                inFlight.remove(requestId);
            }
        }
    }

    /**
     * Takes up what nobody is working on: approved requests never handed over, requests whose claimant died during
     * the provider call (their claim ran out: the outcome is unknown), and UNKNOWN requests, whose provider is asked
     * for the request's status. A request with a live claim is never touched.
     */
    @Scheduled(fixedDelayString = "${burnrate.provisioning.reconcile-ms:60000}",
            initialDelayString = "${burnrate.provisioning.reconcile-delay-ms:20000}")
    @SchedulerLock(name = "provisioning-reconcile")
    void reconcile() {
        Instant now = clock.instant();
        Instant stale = now.minus(calls.lease());
        for (String id : requests.claimable(RequestState.APPROVED, now.minus(HAND_OVER_GRACE), NODE, stale, 100)) {
            guarded(id, () -> provision(id));
        }
        for (String id : requests.claimable(RequestState.PROVISIONING, stale, NODE, stale, 100)) {
            guarded(id, () -> takeOver(id, RequestState.PROVISIONING, RequestState.UNKNOWN, () -> {
                log.warn("Provisioning {}: its provider call ended without a recorded answer", id);
                resolve(id);
            }));
        }
        for (String id : requests.claimable(RequestState.UNKNOWN, now.plusSeconds(1), NODE, stale, 100)) {
            guarded(id, () -> takeOver(id, RequestState.UNKNOWN, RequestState.UNKNOWN, () -> resolve(id)));
        }
    }

    /** One request's trouble (e.g. the database gone for a moment) must not stop the others. */
    private static void guarded(String id, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("Reconciling {} failed (tried again next round): {}", id, e.getMessage());
        }
    }

    private boolean claim(String id, RequestState from, RequestState to, boolean retakeOwnClaim) {
        Instant now = clock.instant();
        return Boolean.TRUE.equals(tx.execute(s -> requests.claim(id, from, to, NODE, now, now.minus(calls.lease()),
                retakeOwnClaim)));
    }

    private void handOver(StoredRequest request) {
        CloudProvider provider = catalog.provider(request.providerId()).orElse(null);
        Optional<ProvisionRequest> call;
        try {
            call = provider == null ? Optional.empty() : providerCall(request);
            if (call.isPresent()) {
                HandOverCapacity.Decision capacityNow = capacity.check(request, provider, call.get().offering());
                if (capacityNow.use().isEmpty()) {
                    outcomes.fail(request, RequestState.PROVISIONING, capacityNow.note());
                    return;
                }
                Offering use = capacityNow.use().get().offering();
                call = Optional.of(withOffering(call.get(), use));
            }
        } catch (RuntimeException catalogUnreadable) {
            outcomes.unknown(request, catalogUnreadable.getMessage());
            return;
        }
        if (call.isEmpty()) {
            outcomes.fail(request, RequestState.PROVISIONING, provider == null ? "provider plugin '"
                    + request.providerId() + "' is not loaded" : "the provider no longer offers "
                    + request.instanceType() + " in " + request.regionId());
            return;
        }
        ProvisionRequest providerRequest = call.get();
        ResourceStatus status;
        try {
            status = calls.call(provider.id(), "provision", () -> provider.provision(providerRequest));
        } catch (ProvisioningException refused) {
            outcomes.fail(request, RequestState.PROVISIONING, refused.getMessage());
            return;
        } catch (RuntimeException unanswered) {
            outcomes.unknown(request, unanswered.getMessage());
            return;
        }
        outcomes.conclude(request, RequestState.PROVISIONING, provider, status);
    }

    /**
     * Asks the provider what became of a claimed UNKNOWN request: its status for the request id when it can tell,
     * else the idempotent provision call again (it returns the first attempt's resource). Only a definite answer
     * moves the request on; anything else ends the claim and leaves it UNKNOWN for the next round.
     */
    private void resolve(String requestId) {
        StoredRequest request = requests.find(requestId).orElseThrow();
        CloudProvider provider = catalog.provider(request.providerId()).orElse(null);
        try {
            if (provider == null) {
                throw new IllegalStateException("provider plugin '" + request.providerId() + "' is not loaded");
            }
            if (provider.supportsInventory()) {
                Optional<ResourceStatus> found = statusOfRequest(provider, request);
                if (found.isEmpty()) {
                    outcomes.fail(request, RequestState.UNKNOWN,
                            "the provider confirmed it created nothing for this request");
                } else {
                    outcomes.conclude(request, RequestState.UNKNOWN, provider, found.get());
                }
                return;
            }
            ProvisionRequest call = providerCall(request).orElseThrow(() -> new IllegalStateException(
                    "the provider no longer offers " + request.instanceType() + " in " + request.regionId()));
            ResourceStatus status;
            try {
                status = calls.call(provider.id(), "provision", () -> provider.provision(call));
            } catch (ProvisioningException refused) {
                outcomes.fail(request, RequestState.UNKNOWN, refused.getMessage());
                return;
            }
            outcomes.conclude(request, RequestState.UNKNOWN, provider, status);
        } catch (RuntimeException notNow) {
            log.warn("Provisioning {} still unknown: {}", requestId, notNow.getMessage());
            tx.executeWithoutResult(s -> requests.release(requestId, NODE,
                    "waiting for the provider to confirm: " + notNow.getMessage(), clock.instant()));
        }
    }

    private Optional<ResourceStatus> statusOfRequest(CloudProvider provider, StoredRequest request) {
        try {
            return calls.call(provider.id(), "statusOfRequest", () -> provider.statusOfRequest(request.id()));
        } catch (ProvisioningException e) {
            // a refusal to say is not "nothing there"
            throw new IllegalStateException("the provider would not tell: " + e.getMessage(), e);
        }
    }

    private Optional<ProvisionRequest> providerCall(StoredRequest request) {
        Optional<Offering> offering = catalog.offering(request.providerId(), request.regionId(),
                request.instanceType());
        return offering.map(o -> new ProvisionRequest(request.id(), o, request.count(), request.purchaseOption(),
                request.name(), providerTags(request), request.encrypted(), request.privateNetwork()));
    }

    private static ProvisionRequest withOffering(ProvisionRequest call, Offering offering) {
        return call.offering().equals(offering) ? call : new ProvisionRequest(call.requestId(), offering,
                call.count(), call.purchaseOption(), call.name(), call.tags(), call.encrypted(),
                call.privateNetwork());
    }

    private static Map<String, String> providerTags(StoredRequest request) {
        Map<String, String> tags = new TreeMap<>(request.tags());
        tags.put("burnrate:team", request.team());
        tags.put("burnrate:owner", request.requestedBy());
        tags.put(CloudProvider.REQUEST_TAG, request.id());
        if (request.project() != null) {
            tags.put("burnrate:project", request.project());
        }
        return tags;
    }
}
