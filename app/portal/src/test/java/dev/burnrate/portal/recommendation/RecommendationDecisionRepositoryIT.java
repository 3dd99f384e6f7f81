package dev.burnrate.portal.recommendation;

import static dev.burnrate.portal.db.Tables.RECOMMENDATION_DECISIONS;
import static dev.burnrate.portal.db.Tables.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.portal.support.TestDatabase;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decisions about recommendations (V101) on H2 and PostgreSQL: they read back per team as written, one decision per
 * team, recommender and key, and a realised saving is stored only on an accepted one.
 */
class RecommendationDecisionRepositoryIT {

    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    private static long team(DSLContext dsl, String name) {
        return dsl.insertInto(TEAMS).set(TEAMS.NAME, name).returning().fetchSingle().getId();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void decisionsAreKeptPerTeamOnceEachAndRealisedSavingsOnlyOnAcceptedOnes(TestDatabase db) {
        RecommendationDecisionRepository repository = new RecommendationDecisionRepository(db.dsl());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long ml = team(db.dsl(), "ml-" + suffix);
        long web = team(db.dsl(), "web-" + suffix);
        assertThat(repository.teamId("ml-" + suffix)).contains(ml);
        assertThat(repository.teamId("nobody-" + suffix)).isEmpty();

        long accepted = repository.insert(ml, "(built-in)", "idle:i-1", RecommendationDecision.Kind.ACCEPTED,
                "Stop idle i-1", 1234.5678, "USD", "ada", T);
        long dismissed = repository.insert(ml, "(built-in)", "idle:i-2", RecommendationDecision.Kind.DISMISSED,
                "Stop idle i-2", 10, "EUR", "ada", T.plusSeconds(60));
        repository.insert(web, "(built-in)", "idle:i-1", RecommendationDecision.Kind.DISMISSED, "Other team's",
                5, "USD", "bob", T);

        var mine = repository.find(RECOMMENDATION_DECISIONS.TEAM_ID.eq(ml));
        assertThat(mine).extracting(RecommendationDecision::id).containsExactly(dismissed, accepted);
        RecommendationDecision first = mine.get(1);
        assertThat(first).isEqualTo(new RecommendationDecision(accepted, ml, "ml-" + suffix, "(built-in)", "idle:i-1",
                RecommendationDecision.Kind.ACCEPTED, "Stop idle i-1", 1234.5678, "USD", "ada", T, null, null));
        assertThat(repository.find(DSL.falseCondition())).isEmpty();

        assertThatThrownBy(() -> repository.insert(ml, "(built-in)", "idle:i-1",
                RecommendationDecision.Kind.DISMISSED, "again", 1, "USD", "ada", T))
                .as("one decision per team, recommender and key").isInstanceOf(RuntimeException.class);

        assertThat(repository.recordRealised(dismissed, 9, T)).isFalse();
        assertThat(repository.recordRealised(accepted, 1000.25, T.plusSeconds(86_400))).isTrue();
        assertThat(repository.find(RECOMMENDATION_DECISIONS.ID.eq(accepted))).singleElement().satisfies(d -> {
            assertThat(d.realisedMonthlySaving()).isEqualTo(1000.25);
            assertThat(d.realisedAt()).isEqualTo(T.plusSeconds(86_400));
        });
    }
}
