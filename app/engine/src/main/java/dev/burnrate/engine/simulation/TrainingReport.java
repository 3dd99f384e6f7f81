package dev.burnrate.engine.simulation;

import java.util.List;
import java.util.Map;

/**
 * The result of a training simulation: every option, the recommendation, offerings that could not be priced
 * (and why), and the backend that ran the Monte Carlo.
 */
public record TrainingReport(TrainingWorkload workload, List<ComparisonRow> rows, Recommendation recommendation,
                             Map<String, String> skipped, String backendId) {

    public TrainingReport {
        rows = List.copyOf(rows);
        skipped = Map.copyOf(skipped);
    }
}
