package dev.burnrate.api;

import java.util.List;
import java.util.Objects;

/**
 * A way for a team to spend less, with the evidence behind it (since API 1.3.0).
 *
 * @param key                 a stable id of this recommendation within its recommender (e.g. the resource id it
 *                            is about), so the portal can tell it is the same one next time
 * @param team                the team it is for; the portal shows it only to users who may see that team, and
 *                            drops a recommendation for a team that was not in the input
 * @param title               one line, e.g. "Run train-7 on spot"
 * @param evidence            the facts that justify it, each a short sentence, in the order to show them
 * @param monthlySavingP50    the median estimated saving per month, in {@code currency}
 * @param monthlySavingLow    the low end of the estimate (at most the median, not negative)
 * @param monthlySavingHigh   the high end (at least the median)
 * @param currency            ISO 4217 code of the savings
 * @param risk                what acting on it risks
 * @param suggestedAction     the request to make instead, or {@code null} when the advice is not a new request
 *                            (e.g. "stop it")
 */
public record Recommendation(String key, String team, String title, List<String> evidence, double monthlySavingP50,
                             double monthlySavingLow, double monthlySavingHigh, String currency, Risk risk,
                             ProvisionSuggestion suggestedAction) {

    /** What acting on a recommendation risks (since API 1.3.0). */
    public enum Risk {
        /** Nothing a user would notice. */
        LOW,
        /** Some work may be slowed or interrupted (e.g. spot reclaims). */
        MEDIUM,
        /** Work may be lost or a service interrupted unless someone checks first. */
        HIGH
    }

    public Recommendation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(risk, "risk");
        evidence = List.copyOf(evidence == null ? List.of() : evidence);
        currency = Prices.requireIsoCurrency(currency);
        if (!(monthlySavingLow >= 0 && monthlySavingLow <= monthlySavingP50 && monthlySavingP50 <= monthlySavingHigh)
                || Double.isInfinite(monthlySavingHigh)) {
            throw new IllegalArgumentException("savings must satisfy 0 <= low <= P50 <= high (finite): "
                    + monthlySavingLow + ", " + monthlySavingP50 + ", " + monthlySavingHigh);
        }
    }
}
