package dev.burnrate.engine.simulation;

import java.util.List;
import java.util.Map;

/**
 * The result of an inference simulation: every option, the recommendation, the commitment analysis of the
 * recommended offering, instances per hour of each offering (for charts), offerings that could not serve the
 * model (and why), and the backend that ran the capacity kernel.
 */
public record InferenceReport(InferenceWorkload workload, List<ComparisonRow> rows, Recommendation recommendation,
                              CommitmentAnalysis commitment, Map<String, int[]> instancesPerHour,
                              Map<String, String> skipped, String backendId) {

    public InferenceReport {
        rows = List.copyOf(rows);
        instancesPerHour = Map.copyOf(instancesPerHour);
        skipped = Map.copyOf(skipped);
    }
}
