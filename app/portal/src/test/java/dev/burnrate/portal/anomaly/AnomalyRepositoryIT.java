package dev.burnrate.portal.anomaly;

import static dev.burnrate.portal.db.Tables.ANOMALIES;
import static dev.burnrate.portal.db.Tables.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.portal.support.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Anomalies are stored once per key with exact amounts and their root causes; a verdict is kept for the monitor,
 * series and cause and found again for the next anomaly of the same cause; pages are scoped by the condition the
 * service passes. On H2 and PostgreSQL.
 */
class AnomalyRepositoryIT {

    private static final Instant DAY = Instant.parse("2026-11-12T00:00:00Z");

    private static long team(DSLContext dsl, String name) {
        return dsl.insertInto(TEAMS).set(TEAMS.NAME, name).returning().fetchSingle().getId();
    }

    private static FoundAnomaly found(long monitor, long team, Instant day, String cause) {
        return new FoundAnomaly(monitor, team, "ml-research", day, 24, new BigDecimal("1200.0000"),
                new BigDecimal("4812.5100"), "USD", 0.9991,
                List.of(new RootCause("ServiceName", cause, new BigDecimal("3400.1200"), 0.94),
                        new RootCause("RegionId", "us-east-1", new BigDecimal("212.3900"), 0.06)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void storesEachAnomalyOnceAndKeepsFeedbackPerCause(TestDatabase db) {
        DSLContext dsl = db.dsl();
        AnomalyRepository anomalies = new AnomalyRepository(dsl);
        long research = team(dsl, "ml-research");
        long platform = team(dsl, "platform");
        long monitor = anomalies.insertMonitor(research, "Daily spend", new BigDecimal("100"), new BigDecimal("20"),
                "finance", DAY);
        long otherMonitor = anomalies.insertMonitor(platform, "Daily spend", BigDecimal.ZERO, BigDecimal.ONE,
                "finance", DAY);

        long id = anomalies.insertIfNew(found(monitor, research, DAY, "Amazon SageMaker"), Optional.empty(), DAY)
                .orElseThrow();
        assertThat(anomalies.insertIfNew(found(monitor, research, DAY, "Amazon SageMaker"), Optional.empty(), DAY))
                .as("the same anomaly found by a second run").isEmpty();
        anomalies.insertIfNew(found(otherMonitor, platform, DAY, "Amazon EC2"), Optional.empty(), DAY);

        StoredAnomaly stored = anomalies.find(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(AnomalyStatus.NEW);
        assertThat(stored.impact()).isEqualByComparingTo("3612.51");
        assertThat(stored.impactPercent()).isEqualByComparingTo("301.0");
        assertThat(stored.causes()).extracting(RootCause::value).containsExactly("Amazon SageMaker", "us-east-1");
        assertThat(stored.causes().getFirst().impact()).isEqualByComparingTo("3400.12");

        assertThat(anomalies.page(ANOMALIES.TEAM_ID.eq(research), 0, 10)).extracting(StoredAnomaly::id)
                .containsExactly(id);
        assertThat(anomalies.count(ANOMALIES.TEAM_ID.in(research, platform))).isEqualTo(2);

        anomalies.setStatus(id, AnomalyStatus.EXPECTED, "planned fine-tune", "alice", DAY.plusSeconds(60));
        anomalies.keepFeedback(id, AnomalyStatus.EXPECTED, "planned fine-tune", "alice", DAY.plusSeconds(60));
        var feedback = anomalies.feedback(monitor, "ml-research", "ServiceName=Amazon SageMaker").orElseThrow();
        assertThat(feedback.verdict()).isEqualTo(AnomalyStatus.EXPECTED);
        assertThat(anomalies.feedback(otherMonitor, "ml-research", "ServiceName=Amazon SageMaker")).isEmpty();

        Instant nextDay = DAY.plusSeconds(86_400);
        long repeat = anomalies.insertIfNew(found(monitor, research, nextDay, "Amazon SageMaker"),
                Optional.of(feedback), nextDay).orElseThrow();
        assertThat(anomalies.find(repeat).orElseThrow()).satisfies(a -> {
            assertThat(a.status()).isEqualTo(AnomalyStatus.EXPECTED);
            assertThat(a.fromFeedback()).isTrue();
        });

        anomalies.keepFeedback(id, AnomalyStatus.FALSE_ALARM, null, "bob", nextDay);
        assertThat(anomalies.feedback(monitor, "ml-research", "ServiceName=Amazon SageMaker").orElseThrow().verdict())
                .as("a second verdict replaces the first").isEqualTo(AnomalyStatus.FALSE_ALARM);
        anomalies.forgetFeedback(id);
        assertThat(anomalies.feedback(monitor, "ml-research", "ServiceName=Amazon SageMaker")).isEmpty();
        assertThat(anomalies.find(repeat).orElseThrow().fromFeedback()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void refusesAStatusOutsideTheListAndNegativeThresholds(TestDatabase db) {
        DSLContext dsl = db.dsl();
        long research = team(dsl, "ml-research");
        AnomalyRepository anomalies = new AnomalyRepository(dsl);
        assertThatThrownBy(() -> anomalies.insertMonitor(research, "m", new BigDecimal("-1"), BigDecimal.ONE,
                "finance", DAY)).hasMessageContaining("ck_anomaly_monitors_impact");
        long monitor = anomalies.insertMonitor(research, "m", BigDecimal.ONE, BigDecimal.ONE, "finance", DAY);
        long id = anomalies.insertIfNew(found(monitor, research, DAY, "x"), Optional.empty(), DAY).orElseThrow();
        assertThatThrownBy(() -> dsl.update(ANOMALIES).set(ANOMALIES.STATUS, "WHATEVER")
                .where(ANOMALIES.ID.eq(id)).execute()).hasMessageContaining("ck_anomalies_status");
    }
}
