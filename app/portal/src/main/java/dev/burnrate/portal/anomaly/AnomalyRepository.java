package dev.burnrate.portal.anomaly;

import static dev.burnrate.portal.db.Tables.ANOMALIES;
import static dev.burnrate.portal.db.Tables.ANOMALY_FEEDBACK;
import static dev.burnrate.portal.db.Tables.ANOMALY_MONITORS;
import static dev.burnrate.portal.db.Tables.TEAMS;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** Anomalies, their feedback and the monitors that find them. Callers pass the team scope as a condition. */
@Repository
public class AnomalyRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<RootCause>> CAUSES = new TypeReference<>() {
    };

    private final DSLContext dsl;

    public AnomalyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A verdict kept for a monitor, series and cause. */
    public record Feedback(long id, AnomalyStatus verdict, String givenBy, Instant givenAt) {
    }

    /** Stores an anomaly unless one with its key exists; returns the new id, or empty when it was known. */
    public Optional<Long> insertIfNew(FoundAnomaly found, Optional<Feedback> feedback, Instant now) {
        boolean known = dsl.fetchExists(ANOMALIES, ANOMALIES.ANOMALY_KEY.eq(found.key()));
        if (known) {
            return Optional.empty();
        }
        var insert = dsl.insertInto(ANOMALIES)
                .set(ANOMALIES.ANOMALY_KEY, found.key())
                .set(ANOMALIES.MONITOR_ID, found.monitorId())
                .set(ANOMALIES.TEAM_ID, found.teamId())
                .set(ANOMALIES.SERIES_LABEL, found.seriesLabel())
                .set(ANOMALIES.PERIOD_START, utc(found.periodStart()))
                .set(ANOMALIES.PERIOD_HOURS, found.periodHours())
                .set(ANOMALIES.EXPECTED, found.expected())
                .set(ANOMALIES.ACTUAL, found.actual())
                .set(ANOMALIES.CURRENCY, found.currency())
                .set(ANOMALIES.SCORE, found.score())
                .set(ANOMALIES.CAUSE_KEY, found.causeKey())
                .set(ANOMALIES.ROOT_CAUSES, writeCauses(found.causes()))
                .set(ANOMALIES.STATUS, feedback.map(f -> f.verdict().name()).orElse(AnomalyStatus.NEW.name()))
                .set(ANOMALIES.FEEDBACK_ID, feedback.map(Feedback::id).orElse(null))
                .set(ANOMALIES.DETECTED_AT, utc(now));
        return Optional.of(insert.returning(ANOMALIES.ID).fetchSingle().getId());
    }

    public Optional<Feedback> feedback(long monitorId, String seriesLabel, String causeKey) {
        return dsl.selectFrom(ANOMALY_FEEDBACK)
                .where(ANOMALY_FEEDBACK.MONITOR_ID.eq(monitorId), ANOMALY_FEEDBACK.SERIES_LABEL.eq(seriesLabel),
                        ANOMALY_FEEDBACK.CAUSE_KEY.eq(causeKey))
                .fetchOptional(r -> new Feedback(r.getId(), AnomalyStatus.valueOf(r.getVerdict()), r.getGivenBy(),
                        r.getGivenAt().toInstant()));
    }

    /** Keeps a verdict for the anomaly's monitor, series and top cause (replacing an earlier one). */
    public void keepFeedback(long anomalyId, AnomalyStatus verdict, String note, String by, Instant at) {
        var a = dsl.select(ANOMALIES.MONITOR_ID, ANOMALIES.SERIES_LABEL, ANOMALIES.CAUSE_KEY).from(ANOMALIES)
                .where(ANOMALIES.ID.eq(anomalyId)).fetchSingle();
        int updated = dsl.update(ANOMALY_FEEDBACK)
                .set(ANOMALY_FEEDBACK.VERDICT, verdict.name()).set(ANOMALY_FEEDBACK.NOTE, note)
                .set(ANOMALY_FEEDBACK.GIVEN_BY, by).set(ANOMALY_FEEDBACK.GIVEN_AT, utc(at))
                .where(ANOMALY_FEEDBACK.MONITOR_ID.eq(a.value1()), ANOMALY_FEEDBACK.SERIES_LABEL.eq(a.value2()),
                        ANOMALY_FEEDBACK.CAUSE_KEY.eq(a.value3()))
                .execute();
        if (updated == 0) {
            dsl.insertInto(ANOMALY_FEEDBACK)
                    .set(ANOMALY_FEEDBACK.MONITOR_ID, a.value1()).set(ANOMALY_FEEDBACK.SERIES_LABEL, a.value2())
                    .set(ANOMALY_FEEDBACK.CAUSE_KEY, a.value3()).set(ANOMALY_FEEDBACK.VERDICT, verdict.name())
                    .set(ANOMALY_FEEDBACK.NOTE, note).set(ANOMALY_FEEDBACK.GIVEN_BY, by)
                    .set(ANOMALY_FEEDBACK.GIVEN_AT, utc(at))
                    .execute();
        }
    }

    /** Drops a verdict when its anomaly is set back to NEW or ACKNOWLEDGED, so the cause alerts again. */
    public void forgetFeedback(long anomalyId) {
        var a = dsl.select(ANOMALIES.MONITOR_ID, ANOMALIES.SERIES_LABEL, ANOMALIES.CAUSE_KEY).from(ANOMALIES)
                .where(ANOMALIES.ID.eq(anomalyId)).fetchSingle();
        dsl.update(ANOMALIES).setNull(ANOMALIES.FEEDBACK_ID)
                .where(ANOMALIES.FEEDBACK_ID.in(dsl.select(ANOMALY_FEEDBACK.ID).from(ANOMALY_FEEDBACK)
                        .where(ANOMALY_FEEDBACK.MONITOR_ID.eq(a.value1()),
                                ANOMALY_FEEDBACK.SERIES_LABEL.eq(a.value2()),
                                ANOMALY_FEEDBACK.CAUSE_KEY.eq(a.value3()))))
                .execute();
        dsl.deleteFrom(ANOMALY_FEEDBACK)
                .where(ANOMALY_FEEDBACK.MONITOR_ID.eq(a.value1()), ANOMALY_FEEDBACK.SERIES_LABEL.eq(a.value2()),
                        ANOMALY_FEEDBACK.CAUSE_KEY.eq(a.value3()))
                .execute();
    }

    public void setStatus(long anomalyId, AnomalyStatus status, String note, String by, Instant at) {
        dsl.update(ANOMALIES).set(ANOMALIES.STATUS, status.name()).set(ANOMALIES.STATUS_NOTE, note)
                .set(ANOMALIES.STATUS_BY, by).set(ANOMALIES.STATUS_AT, utc(at))
                .where(ANOMALIES.ID.eq(anomalyId)).execute();
    }

    /** The key an anomaly is stored (and alerted) under. */
    public String key(long anomalyId) {
        return dsl.select(ANOMALIES.ANOMALY_KEY).from(ANOMALIES).where(ANOMALIES.ID.eq(anomalyId))
                .fetchSingle(ANOMALIES.ANOMALY_KEY);
    }

    /** The team an anomaly belongs to, for access checks. */
    public Optional<Long> teamOf(long anomalyId) {
        return dsl.select(ANOMALIES.TEAM_ID).from(ANOMALIES).where(ANOMALIES.ID.eq(anomalyId))
                .fetchOptional(ANOMALIES.TEAM_ID);
    }

    public Optional<StoredAnomaly> find(long anomalyId) {
        return base().where(ANOMALIES.ID.eq(anomalyId)).fetchOptional(this::toStored);
    }

    /** A page of anomalies, newest period first. */
    public List<StoredAnomaly> page(Condition where, int offset, int limit) {
        return base().where(where).orderBy(ANOMALIES.PERIOD_START.desc(), ANOMALIES.ID.desc())
                .offset(offset).limit(limit).fetch(this::toStored);
    }

    public int count(Condition where) {
        return dsl.fetchCount(ANOMALIES, where);
    }

    public long insertMonitor(long teamId, String name, java.math.BigDecimal minImpact,
                              java.math.BigDecimal minImpactPercent, String by, Instant at) {
        return dsl.insertInto(ANOMALY_MONITORS)
                .set(ANOMALY_MONITORS.TEAM_ID, teamId).set(ANOMALY_MONITORS.NAME, name)
                .set(ANOMALY_MONITORS.MIN_IMPACT, minImpact).set(ANOMALY_MONITORS.MIN_IMPACT_PERCENT, minImpactPercent)
                .set(ANOMALY_MONITORS.CREATED_BY, by).set(ANOMALY_MONITORS.CREATED_AT, utc(at))
                .returning(ANOMALY_MONITORS.ID).fetchSingle().getId();
    }

    public void updateMonitor(long id, java.math.BigDecimal minImpact, java.math.BigDecimal minImpactPercent,
                              boolean enabled) {
        dsl.update(ANOMALY_MONITORS)
                .set(ANOMALY_MONITORS.MIN_IMPACT, minImpact).set(ANOMALY_MONITORS.MIN_IMPACT_PERCENT, minImpactPercent)
                .set(ANOMALY_MONITORS.ENABLED, enabled)
                .where(ANOMALY_MONITORS.ID.eq(id)).execute();
    }

    public List<Monitor> monitors(Condition where) {
        return dsl.select(ANOMALY_MONITORS.fields()).select(TEAMS.NAME).from(ANOMALY_MONITORS)
                .join(TEAMS).on(TEAMS.ID.eq(ANOMALY_MONITORS.TEAM_ID)).where(where)
                .orderBy(TEAMS.NAME, ANOMALY_MONITORS.NAME)
                .fetch(r -> new Monitor(r.get(ANOMALY_MONITORS.ID), r.get(ANOMALY_MONITORS.TEAM_ID), r.get(TEAMS.NAME),
                        r.get(ANOMALY_MONITORS.NAME), r.get(ANOMALY_MONITORS.MIN_IMPACT),
                        r.get(ANOMALY_MONITORS.MIN_IMPACT_PERCENT), r.get(ANOMALY_MONITORS.ENABLED)));
    }

    /** Team ids and names matching the condition, by name. */
    public java.util.Map<Long, String> teams(Condition where) {
        var out = new java.util.LinkedHashMap<Long, String>();
        dsl.select(TEAMS.ID, TEAMS.NAME).from(TEAMS).where(where).orderBy(TEAMS.NAME)
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    private org.jooq.SelectOnConditionStep<Record> base() {
        return dsl.select(ANOMALIES.fields()).select(TEAMS.NAME, ANOMALY_MONITORS.NAME).from(ANOMALIES)
                .join(TEAMS).on(TEAMS.ID.eq(ANOMALIES.TEAM_ID))
                .join(ANOMALY_MONITORS).on(ANOMALY_MONITORS.ID.eq(ANOMALIES.MONITOR_ID));
    }

    private StoredAnomaly toStored(Record r) {
        OffsetDateTime statusAt = r.get(ANOMALIES.STATUS_AT);
        return new StoredAnomaly(r.get(ANOMALIES.ID), r.get(TEAMS.NAME), r.get(ANOMALY_MONITORS.NAME),
                r.get(ANOMALIES.SERIES_LABEL), r.get(ANOMALIES.PERIOD_START).toInstant(),
                r.get(ANOMALIES.PERIOD_HOURS), r.get(ANOMALIES.EXPECTED), r.get(ANOMALIES.ACTUAL),
                r.get(ANOMALIES.CURRENCY), r.get(ANOMALIES.SCORE), readCauses(r.get(ANOMALIES.ROOT_CAUSES)),
                AnomalyStatus.valueOf(r.get(ANOMALIES.STATUS)), r.get(ANOMALIES.STATUS_BY),
                statusAt == null ? null : statusAt.toInstant(), r.get(ANOMALIES.STATUS_NOTE),
                r.get(ANOMALIES.FEEDBACK_ID) != null, r.get(ANOMALIES.DETECTED_AT).toInstant());
    }

    private static String writeCauses(List<RootCause> causes) {
        try {
            return JSON.writeValueAsString(causes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<RootCause> readCauses(String json) {
        try {
            return JSON.readValue(json, CAUSES);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored root causes are not readable: " + json, e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
