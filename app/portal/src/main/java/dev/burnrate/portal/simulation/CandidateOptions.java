package dev.burnrate.portal.simulation;

import java.util.List;
import java.util.Map;

/**
 * The choices of the candidate filter and of the reference accelerator, from the catalog.
 *
 * @param providers     provider ids (what a scenario stores)
 * @param providerNames each provider id's display name (what the filter shows)
 */
public record CandidateOptions(List<String> providers, List<String> regions, List<String> accelerators,
                               List<String> jurisdictions, List<String> referenceAccelerators,
                               Map<String, String> providerNames) {

    public CandidateOptions {
        providerNames = Map.copyOf(providerNames);
    }

    /** The provider's display name, or its id when the catalog has no name for it. */
    public String providerName(String providerId) {
        return providerNames.getOrDefault(providerId, providerId);
    }
}
