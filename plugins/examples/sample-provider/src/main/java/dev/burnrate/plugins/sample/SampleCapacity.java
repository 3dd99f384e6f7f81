package dev.burnrate.plugins.sample;

import dev.burnrate.api.Availability;
import dev.burnrate.api.Offering;
import dev.burnrate.api.PluginContext;
import dev.burnrate.api.ProvisionRequest;
import dev.burnrate.api.ProvisioningException;
import dev.burnrate.api.Region;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sample's capacity, simulated from two plugin settings so that an administrator (or a test) can make the
 * portal fail over: {@code sold-out}, a comma-separated list of instance types or offering keys
 * ({@code region/instanceType} or {@code sample-cloud/region/instanceType}) that have no capacity, and
 * {@code gpu-quota}, the most accelerators the account may hold at once. A real provider would ask its capacity or
 * quota API here and cache the answer for a minute.
 */
final class SampleCapacity {

    private final PluginContext context;
    private final SampleResources resources;

    SampleCapacity(PluginContext context, SampleResources resources) {
        this.context = context;
        this.resources = resources;
    }

    Availability availability(Offering offering, Region region) {
        return answer(offering, region.name());
    }

    private Availability answer(Offering offering, String where) {
        if (soldOut().stream().anyMatch(entry -> entry.equals(offering.instanceType())
                || entry.equals(offering.regionId() + "/" + offering.instanceType())
                || entry.equals(offering.key()))) {
            return Availability.soldOut("Sample Cloud has no " + offering.instanceType() + " left in "
                    + where);
        }
        Integer quota = quota();
        if (quota != null && offering.hasAccelerator()) {
            int used = resources.acceleratorsInUse();
            if (used + offering.acceleratorCount() > quota) {
                return Availability.quotaExceeded("the account's quota of " + quota + " accelerators has "
                        + Math.max(0, quota - used) + " left");
            }
        }
        return Availability.inStock();
    }

    /** A sold-out or over-quota offering is refused here too: capacity can go between check and call. */
    void check(ProvisionRequest request) throws ProvisioningException {
        Availability answer = answer(request.offering(), request.offering().regionId());
        if (!answer.available()) {
            throw new ProvisioningException(answer.reason());
        }
    }

    Instant now() {
        return context.clock().instant();
    }

    private Set<String> soldOut() {
        return context.setting("sold-out").map(text -> Arrays.stream(text.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet())).orElse(Set.of());
    }

    private Integer quota() {
        try {
            return context.setting("gpu-quota").map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf)
                    .orElse(null);
        } catch (NumberFormatException e) {
            context.logger().log(System.Logger.Level.WARNING, "gpu-quota is not a number; no quota applied");
            return null;
        }
    }
}
