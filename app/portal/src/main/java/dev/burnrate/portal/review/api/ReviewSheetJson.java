package dev.burnrate.portal.review.api;

import dev.burnrate.portal.budget.api.MoneyJson;
import dev.burnrate.portal.finance.PinnedVersion;
import dev.burnrate.portal.review.Explanation;
import dev.burnrate.portal.review.Proposal;
import dev.burnrate.portal.review.ReviewLine;
import dev.burnrate.portal.review.ReviewSheet;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * A review as the caller may see it: live figures while open, the signed snapshot once signed; team-scoped callers
 * get their teams' lines and the budgets they own ({@code complete} is false then).
 *
 * @param dataVersions the dataset versions the figures were computed from ({@code dataset@version})
 */
@Schema(name = "ReviewSheet")
public record ReviewSheetJson(ReviewJson review, boolean complete, List<String> dataVersions,
                              List<String> forecastModels, List<Line> lines, List<Note> explanations,
                              List<Reforecast> proposals) {

    /**
     * One line: a budget, a team or project line, or spend no budget covers; every amount in the line's currency.
     *
     * @param variance plan minus forecast at period end (P50): positive is under plan
     */
    @Schema(name = "ReviewLine")
    public record Line(String key, String kind, String label, String budgetId, String parentKey, String team,
                       String owner, String currency, String costColumn, MoneyJson plan, MoneyJson actual,
                       MoneyJson forecastP10, MoneyJson forecastP50, MoneyJson forecastP90, MoneyJson variance,
                       BigDecimal variancePercent, String status, String forecastModel) {

        static Line of(ReviewLine l) {
            String c = l.currency();
            return new Line(l.key(), l.kind().name(), l.label(), l.budgetId(), l.parentKey(), l.team(), l.owner(), c,
                    l.metric() == null ? null : l.metric().column(), MoneyJson.of(l.plan(), c),
                    MoneyJson.of(l.actual(), c), MoneyJson.of(l.p10(), c), MoneyJson.of(l.p50(), c),
                    MoneyJson.of(l.p90(), c), MoneyJson.of(l.variance(), c), l.variancePercent(),
                    l.status() == null ? null : l.status().name(), l.forecastModel());
        }
    }

    @Schema(name = "ReviewExplanation")
    public record Note(String lineKey, int version, String author, Instant writtenAt, String text) {
    }

    @Schema(name = "ReviewReforecast")
    public record Reforecast(long id, String lineKey, int version, MoneyJson amount, String note, String proposedBy,
                             Instant proposedAt, String decision, String decidedBy, Instant decidedAt) {
    }

    static ReviewSheetJson of(ReviewSheet s) {
        return new ReviewSheetJson(ReviewJson.of(s.review()), s.complete(), s.versions() == null ? List.of()
                : s.versions().versions().stream().map(ReviewSheetJson::pinned).toList(),
                List.copyOf(new TreeSet<>(s.models())), s.lines().stream().map(Line::of).toList(),
                s.explanations().stream().map((Explanation e) -> new Note(e.lineKey(), e.version(), e.author(),
                        e.writtenAt(), e.text())).toList(),
                s.proposals().stream().map((Proposal p) -> new Reforecast(p.id(), p.lineKey(), p.version(),
                        MoneyJson.of(p.amount(), p.currency()), p.note(), p.proposedBy(), p.proposedAt(),
                        p.decision().name(), p.decidedBy(), p.decidedAt())).toList());
    }

    private static String pinned(PinnedVersion v) {
        return v.dataset() + "@" + v.versionKey();
    }
}
