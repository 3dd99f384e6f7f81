package dev.burnrate.portal.simulation;

import java.util.List;

/** The choices of the candidate filter and of the reference accelerator, from the catalog. */
public record CandidateOptions(List<String> providers, List<String> regions, List<String> accelerators,
                               List<String> jurisdictions, List<String> referenceAccelerators) {
}
