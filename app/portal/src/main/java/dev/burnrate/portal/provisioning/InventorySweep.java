package dev.burnrate.portal.provisioning;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.InventoryItem;
import dev.burnrate.api.ProvisioningException;
import dev.burnrate.api.ResourceState;
import dev.burnrate.api.ResourceStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Compares what each provider holds (its inventory of resources tagged with a Burnrate request id) with the
 * database, and cleans up: a resource in the cloud whose request failed or is unknown to Burnrate is deprovisioned
 * ({@link StrayResources}); one whose request is PROVISIONED or UNKNOWN but not recorded is recorded; a resource the
 * database shows as live that the cloud no longer has is marked deleted. Requests being handed over right now are
 * left alone. Every action is audited and announced; providers without an inventory (plugins built before API 1.2)
 * are skipped.
 */
@Component
class InventorySweep {

    private static final Logger log = LoggerFactory.getLogger(InventorySweep.class);

    /** One thing the sweep found and what it did about it. */
    record Finding(String providerId, String resourceId, String requestId, String what) {
    }

    private final CloudProviders providers;
    private final ProviderCalls calls;
    private final RequestRepository requests;
    private final ResourceRepository resources;
    private final ResourceRecorder recorder;
    private final StrayResources strays;
    private final GoneResources gone;
    private final Clock clock;

    InventorySweep(CloudProviders providers, ProviderCalls calls, RequestRepository requests,
                   ResourceRepository resources, ResourceRecorder recorder, StrayResources strays,
                   GoneResources gone, Clock clock) {
        this.providers = providers;
        this.calls = calls;
        this.requests = requests;
        this.resources = resources;
        this.recorder = recorder;
        this.strays = strays;
        this.gone = gone;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${burnrate.provisioning.sweep-ms:900000}",
            initialDelayString = "${burnrate.provisioning.sweep-delay-ms:120000}")
    @SchedulerLock(name = "inventory-sweep")
    void scheduled() {
        sweep();
    }

    /** Sweeps every provider that keeps an inventory; returns what it found. */
    List<Finding> sweep() {
        List<Finding> findings = new ArrayList<>();
        for (CloudProvider provider : providers.all()) {
            try {
                if (provider.supportsInventory()) {
                    sweep(provider, findings);
                }
            } catch (ProvisioningException | RuntimeException e) {
                log.warn("Inventory sweep of {} failed (tried again next time): {}", provider.id(), e.getMessage());
            }
        }
        findings.forEach(f -> log.warn("Inventory sweep: {}", f));
        return findings;
    }

    private void sweep(CloudProvider provider, List<Finding> findings) throws ProvisioningException {
        Instant asked = clock.instant();
        List<InventoryItem> items = calls.call(provider.id(), "inventory", provider::inventory);
        for (InventoryItem item : items) {
            if (item.requestId() != null && live(item.status().state())) {
                inCloud(provider, item, findings);
            }
        }
        Set<String> liveInCloud = items.stream().filter(i -> live(i.status().state()))
                .map(i -> i.status().resourceId()).collect(Collectors.toSet());
        // only resources recorded before the inventory was taken can be missing from it
        for (StoredResource stored : resources.liveAt(provider.id(), asked)) {
            if (!liveInCloud.contains(stored.id()) && gone.confirmAndMark(provider, stored)) {
                findings.add(new Finding(provider.id(), stored.id(), stored.requestId(),
                        "recorded as " + stored.state() + " but gone at the provider: marked deleted"));
            }
        }
    }

    private void inCloud(CloudProvider provider, InventoryItem item, List<Finding> findings) {
        ResourceStatus status = item.status();
        if (resources.find(status.resourceId()).isPresent()) {
            return;
        }
        StoredRequest request = requests.find(item.requestId()).orElse(null);
        RequestState state = request == null ? null : request.state();
        if (state == RequestState.PROVISIONED || state == RequestState.UNKNOWN) {
            ResourceRecorder.Outcome outcome = recorder.record(request.id(), status);
            if (outcome == ResourceRecorder.Outcome.RECORDED) {
                findings.add(new Finding(provider.id(), status.resourceId(), request.id(),
                        "not recorded for its " + state + " request: recorded"));
                return;
            }
        } else if (state != null && !state.isFinal()) {
            return; // being handed over or decided right now: not an orphan
        }
        String why = request == null ? "its request is unknown to Burnrate"
                : state == RequestState.PROVISIONED ? "its request holds another resource"
                : "its request is " + state;
        if (strays.remove(provider, status.resourceId(), item.requestId(), why)) {
            findings.add(new Finding(provider.id(), status.resourceId(), item.requestId(),
                    "orphan (" + why + "): deprovisioned"));
        }
    }

    private static boolean live(ResourceState state) {
        return state != ResourceState.DELETED && state != ResourceState.FAILED;
    }
}
