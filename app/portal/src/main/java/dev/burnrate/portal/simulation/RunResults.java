package dev.burnrate.portal.simulation;

import dev.burnrate.engine.simulation.ComparisonRow;
import dev.burnrate.engine.simulation.HybridComparison;
import dev.burnrate.engine.simulation.Recommendation;
import java.util.List;
import java.util.Map;

/**
 * What a run keeps (as JSON) for later comparison: every row's key figures, the recommendations with reasons,
 * the hybrid plans and the backend that ran each kernel.
 */
public record RunResults(List<Row> training, Recommended trainingRecommendation, List<Row> inference,
                         Recommended inferenceRecommendation, List<Hybrid> hybrid, Map<String, String> backends,
                         Map<String, String> skipped) {

    /** One comparison row's figures. Probability and hours are NaN-free: null when not applicable. */
    public record Row(String label, String offeringKey, String option, String kind, int instances,
                      double expectedCost, double p50Cost, double p90Cost, double p99Cost, double expectedHours,
                      double p90Hours, Double meetDeadline, double interruptions) {

        static Row of(ComparisonRow r) {
            return new Row(r.label(), r.offering().key(), r.option().name(), r.kind().name(), r.instances(),
                    r.expectedCost(), r.cost().p50(), r.cost().p90(), r.cost().p99(), r.hours().mean(),
                    r.hours().p90(), Double.isNaN(r.meetDeadlineProbability()) ? null : r.meetDeadlineProbability(),
                    r.expectedInterruptions());
        }
    }

    public record Recommended(String label, double expectedCost, double p90Cost, List<String> reasons) {

        static Recommended of(Recommendation r) {
            return r == null ? null : new Recommended(r.choice().label(), r.choice().expectedCost(),
                    r.choice().cost().p90(), r.reasons());
        }
    }

    public record Hybrid(String label, double trainingCost, double servingCost, double totalCost) {

        static Hybrid of(HybridComparison.HybridOption h) {
            return new Hybrid(h.label(), h.training().expectedCost(), h.serving().expectedCost(), h.totalCost());
        }
    }

    /** The headline of a run: the hybrid plan's total, else the training or inference recommendation. */
    public Recommended headline() {
        if (!hybrid.isEmpty()) {
            Hybrid best = hybrid.getFirst();
            return new Recommended(best.label(), best.totalCost(), best.totalCost(), List.of());
        }
        return trainingRecommendation != null ? trainingRecommendation : inferenceRecommendation;
    }
}
