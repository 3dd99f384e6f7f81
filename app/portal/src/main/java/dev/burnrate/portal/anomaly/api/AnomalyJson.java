package dev.burnrate.portal.anomaly.api;

import dev.burnrate.portal.anomaly.RootCause;
import dev.burnrate.portal.anomaly.StoredAnomaly;
import dev.burnrate.portal.budget.api.MoneyJson;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A spend anomaly: a period whose spend deviated from what was expected, with its root causes and what people said.
 *
 * @param impactPercent actual above expected in percent of expected, null when nothing was expected
 * @param fromFeedback  true when an earlier verdict on the same cause set the status
 */
@Schema(name = "Anomaly")
public record AnomalyJson(long id, String team, String monitor, String series, Instant periodStart, int periodHours,
                          MoneyJson expected, MoneyJson actual, MoneyJson impact, BigDecimal impactPercent,
                          double score, List<Cause> causes, String status, String statusBy, Instant statusAt,
                          String statusNote, boolean fromFeedback, Instant detectedAt) {

    /** A child series explaining part of the deviation ({@code share} 1.0 = all of it). */
    @Schema(name = "AnomalyCause")
    public record Cause(String dimension, String value, MoneyJson impact, double share) {
    }

    static AnomalyJson of(StoredAnomaly a) {
        String c = a.currency();
        return new AnomalyJson(a.id(), a.team(), a.monitor(), a.seriesLabel(), a.periodStart(), a.periodHours(),
                MoneyJson.of(a.expected(), c), MoneyJson.of(a.actual(), c), MoneyJson.of(a.impact(), c),
                a.impactPercent(), a.score(), a.causes().stream().map((RootCause r) -> new Cause(r.dimension(),
                r.value(), MoneyJson.of(r.impact(), c), r.share())).toList(), a.status().name(), a.statusBy(),
                a.statusAt(), a.statusNote(), a.fromFeedback(), a.detectedAt());
    }
}
