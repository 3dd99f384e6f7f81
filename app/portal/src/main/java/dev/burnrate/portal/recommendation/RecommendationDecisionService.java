package dev.burnrate.portal.recommendation;

import static dev.burnrate.portal.db.Tables.RECOMMENDATION_DECISIONS;

import dev.burnrate.api.Recommendation;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what a team decided about a recommendation (accepted or dismissed), once per recommendation, for members
 * of that team (ADMIN and FINANCE: any team); every decision and every realised saving is audited.
 */
@Service
public class RecommendationDecisionService {

    private final RecommendationDecisionRepository decisions;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public RecommendationDecisionService(RecommendationDecisionRepository decisions, AuditService audit,
                                         CurrentUser currentUser, Clock clock) {
        this.decisions = decisions;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The decisions of the teams the user may see, newest first. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<RecommendationDecision> decisions() {
        return decisions.find(currentUser.teamScope(RECOMMENDATION_DECISIONS.TEAM_ID));
    }

    /**
     * Records the decision with the recommendation's title and median saving as they were shown.
     *
     * @throws IllegalStateException when the team already decided about it
     * @throws AccessDeniedException when the user may not act for its team
     */
    @PermitAll
    @Transactional
    public RecommendationDecision decide(ShownRecommendation shown, RecommendationDecision.Kind kind) {
        Recommendation r = shown.recommendation();
        long teamId = decisions.teamId(r.team()).orElseThrow(() ->
                new IllegalArgumentException("Unknown team '" + r.team() + "'"));
        currentUser.checkTeamAccess(teamId);
        var now = clock.instant();
        long id;
        try {
            id = decisions.insert(teamId, shown.pluginId(), r.key(), kind, r.title(), r.monthlySavingP50(),
                    r.currency(), currentUser.actor(), now);
        } catch (DataIntegrityViolationException | IntegrityConstraintViolationException e) {
            // Spring translates jOOQ's exception when it runs the query; plain jOOQ throws its own
            throw new IllegalStateException("Team " + r.team() + " already decided about \"" + r.title() + "\".");
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", r.title());
        view.put("recommender", shown.recommender());
        view.put("expectedMonthlySaving", r.monthlySavingP50() + " " + r.currency());
        audit.record(kind == RecommendationDecision.Kind.ACCEPTED ? "recommendation.accept" : "recommendation.dismiss",
                target(r.team(), shown.pluginId(), r.key()), null, view);
        return new RecommendationDecision(id, teamId, r.team(), shown.pluginId(), r.key(), kind, r.title(),
                r.monthlySavingP50(), r.currency(), currentUser.actor(), now, null, null);
    }

    /** Stores the saving measured after acting on an accepted recommendation of one of the user's teams. */
    @PermitAll
    @Transactional
    public void recordRealisedSaving(long decisionId, double monthlySaving) {
        if (!(monthlySaving >= 0) || Double.isInfinite(monthlySaving)) {
            throw new IllegalArgumentException("The realised saving must be a number of at least 0: " + monthlySaving);
        }
        RecommendationDecision decision = decisions().stream().filter(d -> d.id() == decisionId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No decision " + decisionId + " of your teams."));
        if (!decisions.recordRealised(decisionId, monthlySaving, clock.instant())) {
            throw new IllegalStateException("Only an accepted recommendation has a realised saving.");
        }
        audit.record("recommendation.realised", target(decision.team(), decision.source(), decision.key()),
                decision.realisedMonthlySaving(), monthlySaving + " " + decision.currency());
    }

    private static String target(String team, String source, String key) {
        return "recommendation:" + team + "/" + source + "/" + key;
    }
}
