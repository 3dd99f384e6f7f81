package dev.burnrate.portal.anomaly;

import dev.burnrate.engine.timeseries.SeriesBatch;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns scored series into anomalies for one monitor: a point whose score reaches the threshold and whose spend is
 * above what was expected by at least the monitor's minimum impact, in money and in percent. Cost
 * monitors look for increases (a drop is a saving or an outage; neither is a cost anomaly). Root causes are the
 * children whose own deviation at that point goes the same way, largest dollar impact first, at most two per
 * dimension and five in all, each with its share of the parent's deviation.
 */
final class AnomalyFinder {

    static final int MAX_CAUSES = 5;
    static final int MAX_CAUSES_PER_DIMENSION = 2;

    private final double scoreThreshold;

    /** @param scoreThreshold the score a point needs (the detector's calibrated alert level) */
    AnomalyFinder(double scoreThreshold) {
        this.scoreThreshold = scoreThreshold;
    }

    List<FoundAnomaly> find(Monitor monitor, SeriesSet set) {
        SeriesBatch parents = set.parents();
        int hours = (int) parents.step().toHours();
        List<FoundAnomaly> found = new ArrayList<>();
        for (int s = 0; s < parents.count(); s++) {
            String currency = Objects.requireNonNullElse(parents.keys().get(s).getFirst(), "(no currency)");
            String label = parents.count() > 1 ? set.label() + " (" + currency + ")" : set.label();
            for (int t = 0; t < parents.length(); t++) {
                int i = s * parents.length() + t;
                double actual = parents.values()[i];
                double expected = set.parentScores().expected()[i];
                double score = set.parentScores().score()[i];
                if (!(score >= scoreThreshold) || !Double.isFinite(actual) || !Double.isFinite(expected)
                        || !isMaterial(monitor, actual, expected)) {
                    continue;
                }
                found.add(new FoundAnomaly(monitor.id(), monitor.teamId(), label, parents.time(t), hours,
                        money(expected), money(actual), currency, score,
                        causes(set, currency, t, actual - expected)));
            }
        }
        return found;
    }

    private static boolean isMaterial(Monitor monitor, double actual, double expected) {
        double impact = actual - expected;
        if (impact <= 0 || impact < monitor.minImpact().doubleValue()) {
            return false;
        }
        // Nothing expected: any material spend is a new cost, however large in percent.
        return expected <= 0 || impact * 100 / expected >= monitor.minImpactPercent().doubleValue();
    }

    private static List<RootCause> causes(SeriesSet set, String currency, int t, double parentImpact) {
        List<RootCause> all = new ArrayList<>();
        set.children().forEach((dimension, children) -> {
            SeriesBatch batch = children.batch();
            List<RootCause> ofDimension = new ArrayList<>();
            for (int c = 0; c < batch.count(); c++) {
                List<String> key = batch.keys().get(c);
                if (!currency.equals(Objects.requireNonNullElse(key.get(0), "(no currency)"))) {
                    continue;
                }
                int i = c * batch.length() + t;
                double expected = children.scores().expected()[i];
                double impact = batch.values()[i] - (Double.isFinite(expected) ? expected : 0);
                if (impact > 0 && Double.isFinite(impact)) {
                    String value = key.get(1) == null ? "(none)" : key.get(1);
                    ofDimension.add(new RootCause(dimension, value, money(impact), impact / parentImpact));
                }
            }
            ofDimension.sort(Comparator.comparing(RootCause::impact).reversed());
            all.addAll(ofDimension.subList(0, Math.min(MAX_CAUSES_PER_DIMENSION, ofDimension.size())));
        });
        all.sort(Comparator.comparing(RootCause::impact).reversed()
                .thenComparing(c -> DIMENSION_ORDER.getOrDefault(c.dimension(), 99)));
        return all.subList(0, Math.min(MAX_CAUSES, all.size()));
    }

    /** The more specific dimension first when two explain the same amount (a resource says more than a region). */
    private static final Map<String, Integer> DIMENSION_ORDER = new HashMap<>(Map.of(
            "ResourceId", 0, "ServiceName", 1, "SubAccountName", 2, "RegionId", 3));

    private static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(4, RoundingMode.HALF_EVEN);
    }
}
