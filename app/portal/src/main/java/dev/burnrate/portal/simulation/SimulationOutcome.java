package dev.burnrate.portal.simulation;

import dev.burnrate.engine.simulation.HybridComparison;
import dev.burnrate.engine.simulation.InferenceReport;
import dev.burnrate.engine.simulation.TrainingReport;
import java.util.List;
import java.util.Map;

/**
 * A finished simulation: the full reports (for the grid and charts), hybrid plans, the backend per kernel, and
 * how many offerings matched the candidate filter (the reports say which could run the workload and which a
 * limit left out).
 */
public record SimulationOutcome(SimulationInputs inputs, TrainingReport training, InferenceReport inference,
                                List<HybridComparison.HybridOption> hybrid, Map<String, String> backends,
                                int candidates) {

    public RunResults summary() {
        return new RunResults(
                training == null ? List.of() : training.rows().stream().map(RunResults.Row::of).toList(),
                training == null ? null : RunResults.Recommended.of(training.recommendation()),
                inference == null ? List.of() : inference.rows().stream().map(RunResults.Row::of).toList(),
                inference == null ? null : RunResults.Recommended.of(inference.recommendation()),
                hybrid.stream().map(RunResults.Hybrid::of).toList(), backends,
                training != null ? training.skipped() : inference != null ? inference.skipped() : Map.of());
    }
}
