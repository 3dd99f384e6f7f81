package dev.burnrate.portal.recommendation;

import static dev.burnrate.portal.db.Tables.RECOMMENDATION_DECISIONS;
import static dev.burnrate.portal.db.Tables.TEAMS;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** Teams' decisions about recommendations (table {@code recommendation_decisions}). No authorisation here. */
@Repository
public class RecommendationDecisionRepository {

    private final DSLContext dsl;

    public RecommendationDecisionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The id of the team named {@code team}, if there is one. */
    public Optional<Long> teamId(String team) {
        return dsl.select(TEAMS.ID).from(TEAMS).where(TEAMS.NAME.eq(team)).fetchOptional(TEAMS.ID);
    }

    /** Stores a decision; the unique key refuses a second decision about the same recommendation. */
    public long insert(long teamId, String source, String key, RecommendationDecision.Kind kind, String title,
                       double expectedMonthlySaving, String currency, String decidedBy, Instant decidedAt) {
        return dsl.insertInto(RECOMMENDATION_DECISIONS)
                .set(RECOMMENDATION_DECISIONS.TEAM_ID, teamId)
                .set(RECOMMENDATION_DECISIONS.SOURCE, source)
                .set(RECOMMENDATION_DECISIONS.RECOMMENDATION_KEY, key)
                .set(RECOMMENDATION_DECISIONS.DECISION, kind.name())
                .set(RECOMMENDATION_DECISIONS.TITLE, title.length() > 500 ? title.substring(0, 500) : title)
                .set(RECOMMENDATION_DECISIONS.EXPECTED_MONTHLY_SAVING, BigDecimal.valueOf(expectedMonthlySaving))
                .set(RECOMMENDATION_DECISIONS.CURRENCY, currency)
                .set(RECOMMENDATION_DECISIONS.DECIDED_BY, decidedBy)
                .set(RECOMMENDATION_DECISIONS.DECIDED_AT, decidedAt.atOffset(ZoneOffset.UTC))
                .returning(RECOMMENDATION_DECISIONS.ID).fetchOne().getId();
    }

    /** Records the saving measured after acting on an accepted recommendation; answers whether a row changed. */
    public boolean recordRealised(long id, double monthlySaving, Instant at) {
        return dsl.update(RECOMMENDATION_DECISIONS)
                .set(RECOMMENDATION_DECISIONS.REALISED_MONTHLY_SAVING, BigDecimal.valueOf(monthlySaving))
                .set(RECOMMENDATION_DECISIONS.REALISED_AT, at.atOffset(ZoneOffset.UTC))
                .where(RECOMMENDATION_DECISIONS.ID.eq(id)
                        .and(RECOMMENDATION_DECISIONS.DECISION.eq(RecommendationDecision.Kind.ACCEPTED.name())))
                .execute() == 1;
    }

    /** The decisions of the teams {@code teamScope} (a condition on a team id column) allows, newest first. */
    public List<RecommendationDecision> find(Condition teamScope) {
        return dsl.select(RECOMMENDATION_DECISIONS.asterisk(), TEAMS.NAME).from(RECOMMENDATION_DECISIONS)
                .join(TEAMS).on(TEAMS.ID.eq(RECOMMENDATION_DECISIONS.TEAM_ID))
                .where(teamScope)
                .orderBy(RECOMMENDATION_DECISIONS.DECIDED_AT.desc(), RECOMMENDATION_DECISIONS.ID.desc())
                .fetch(RecommendationDecisionRepository::map);
    }

    private static RecommendationDecision map(Record r) {
        BigDecimal realised = r.get(RECOMMENDATION_DECISIONS.REALISED_MONTHLY_SAVING);
        var realisedAt = r.get(RECOMMENDATION_DECISIONS.REALISED_AT);
        return new RecommendationDecision(r.get(RECOMMENDATION_DECISIONS.ID), r.get(RECOMMENDATION_DECISIONS.TEAM_ID),
                r.get(TEAMS.NAME), r.get(RECOMMENDATION_DECISIONS.SOURCE),
                r.get(RECOMMENDATION_DECISIONS.RECOMMENDATION_KEY),
                RecommendationDecision.Kind.valueOf(r.get(RECOMMENDATION_DECISIONS.DECISION)),
                r.get(RECOMMENDATION_DECISIONS.TITLE),
                r.get(RECOMMENDATION_DECISIONS.EXPECTED_MONTHLY_SAVING).doubleValue(),
                r.get(RECOMMENDATION_DECISIONS.CURRENCY).trim(), r.get(RECOMMENDATION_DECISIONS.DECIDED_BY),
                r.get(RECOMMENDATION_DECISIONS.DECIDED_AT).toInstant(),
                realised == null ? null : realised.doubleValue(), realisedAt == null ? null : realisedAt.toInstant());
    }
}
