package dev.burnrate.portal.plugin;

import dev.burnrate.api.Offering;
import java.time.Instant;
import java.util.List;

/** A price list an administrator applied: a provider's complete offerings from {@code effectiveFrom} on. */
public record StoredPriceList(long id, String providerId, String pluginId, Instant effectiveFrom, String source,
                              List<Offering> offerings, String appliedBy, Instant appliedAt) {
}
