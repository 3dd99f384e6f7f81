package dev.burnrate.api;

import java.util.Map;
import java.util.Objects;

/**
 * One resource a provider holds, as its inventory reports it (since API 1.2.0).
 *
 * @param status what the provider says about it now
 * @param tags   the tags it carries; the portal's request id is under {@link CloudProvider#REQUEST_TAG}
 */
public record InventoryItem(ResourceStatus status, Map<String, String> tags) {
    public InventoryItem {
        Objects.requireNonNull(status, "status");
        tags = Map.copyOf(tags == null ? Map.of() : tags);
    }

    /** The Burnrate request that created it, or {@code null} when it carries no such tag. */
    public String requestId() {
        return tags.get(CloudProvider.REQUEST_TAG);
    }
}
