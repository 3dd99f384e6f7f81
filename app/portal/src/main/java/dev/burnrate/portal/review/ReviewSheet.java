package dev.burnrate.portal.review;

import dev.burnrate.portal.finance.DataVersions;
import java.util.List;
import java.util.Set;

/**
 * A review as the current user sees it: its lines (live while open, the signed snapshot once signed; other teams'
 * lines hidden from team-scoped users), the data versions and forecast models behind them, what people wrote, and
 * what the user may do.
 *
 * @param complete      false when lines of other teams are hidden from this user
 * @param explainable   the keys of the lines the user may explain and propose a reforecast for
 */
public record ReviewSheet(Review review, List<ReviewLine> lines, DataVersions versions, Set<String> models,
                          List<Explanation> explanations, List<Proposal> proposals, List<Reopening> reopenings,
                          boolean complete, Set<String> explainable, boolean maySign, boolean mayReopen,
                          boolean mayDecide) {

    public ReviewSheet {
        lines = List.copyOf(lines);
        models = Set.copyOf(models);
        explanations = List.copyOf(explanations);
        proposals = List.copyOf(proposals);
        reopenings = List.copyOf(reopenings);
        explainable = Set.copyOf(explainable);
    }

    public ReviewLine line(String key) {
        return lines.stream().filter(l -> l.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No line " + key + " in this review"));
    }

    public List<Explanation> explanationsOf(String lineKey) {
        return explanations.stream().filter(e -> e.lineKey().equals(lineKey)).toList();
    }

    public List<Proposal> proposalsOf(String lineKey) {
        return proposals.stream().filter(p -> p.lineKey().equals(lineKey)).toList();
    }
}
