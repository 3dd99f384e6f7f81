package dev.burnrate.api;

import java.time.Instant;
import java.util.Objects;

/**
 * What a provider says about one resource.
 *
 * @param resourceId the provider's id for it
 * @param state      its state now
 * @param since      when it entered that state
 * @param message    a human-readable detail (e.g. the failure cause), or {@code null}
 */
public record ResourceStatus(String resourceId, ResourceState state, Instant since, String message) {
    public ResourceStatus {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
    }
}
