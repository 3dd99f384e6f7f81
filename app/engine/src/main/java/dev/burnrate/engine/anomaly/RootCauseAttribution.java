package dev.burnrate.engine.anomaly;

import dev.burnrate.api.KernelException;
import dev.burnrate.engine.timeseries.SeriesBatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Explains an anomaly of a parent series by the children that sum to it (its split by one dimension: service,
 * account, region, resource or a tag): every child is scored with the same causal baseline as the parent, and the
 * children are ranked by dollar impact (actual minus expected) in the direction of the parent's deviation, so for
 * a spike the child that rose most comes first and for a drop the one that fell most.
 */
public final class RootCauseAttribution {

    private final AnomalyDetector detector;

    public RootCauseAttribution(AnomalyDetector detector) {
        this.detector = detector;
    }

    /** The parent (the sum of the children) at {@code step} and its children ranked by impact. */
    public record Explanation(int step, double actual, double expected, double deviation, double score,
                              List<RootCause> causes) {
    }

    /**
     * @param children one series per child; the parent is their sum (missing values count as no cost where some
     *                 child has a value, and the parent is missing where none has)
     * @param step     the step of the anomaly
     */
    public Explanation explain(SeriesBatch children, int step) throws KernelException {
        if (step < 0 || step >= children.length()) {
            throw new IllegalArgumentException("step " + step + " is outside the batch's " + children.length()
                    + " steps");
        }
        int count = children.count();
        int length = children.length();
        double[] rows = new double[(count + 1) * length];
        System.arraycopy(children.values(), 0, rows, 0, count * length);
        for (int t = 0; t < length; t++) {
            double sum = 0;
            boolean any = false;
            for (int s = 0; s < count; s++) {
                double v = children.value(s, t);
                if (!Double.isNaN(v)) {
                    sum += v;
                    any = true;
                }
            }
            rows[count * length + t] = any ? sum : Double.NaN;
        }
        AnomalyScores scores = detector.score(rows, count + 1, length, AnomalyState.fresh(count + 1));
        double actual = rows[count * length + step];
        double expected = scores.expected(count, step);
        double deviation = actual - expected;
        List<RootCause> causes = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            double childActual = nanAsZero(children.value(s, step));
            double childExpected = nanAsZero(scores.expected(s, step));
            double impact = childActual - childExpected;
            double share = deviation == 0 || !Double.isFinite(deviation) ? 0 : impact / deviation;
            causes.add(new RootCause(children.keys().get(s), childActual, childExpected, impact, share));
        }
        double direction = deviation < 0 ? -1 : 1;
        causes.sort(Comparator.comparingDouble((RootCause c) -> -direction * c.impact()));
        return new Explanation(step, actual, expected, deviation, scores.score(count, step), List.copyOf(causes));
    }

    private static double nanAsZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
