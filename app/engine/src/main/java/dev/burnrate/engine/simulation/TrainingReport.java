package dev.burnrate.engine.simulation;

import java.util.List;
import java.util.Map;

/**
 * The result of a training simulation: every simulated option, the recommendation (null when no option may be
 * recommended), the offerings that cannot run the job (and why), the feasible offerings a limit left out
 * (cheapest first), and the backend that ran the Monte Carlo.
 */
public record TrainingReport(TrainingWorkload workload, List<ComparisonRow> rows, Recommendation recommendation,
                             Map<String, String> skipped, List<String> notSimulated, String backendId) {

    public TrainingReport {
        rows = List.copyOf(rows);
        skipped = Map.copyOf(skipped);
        notSimulated = List.copyOf(notSimulated);
    }
}
