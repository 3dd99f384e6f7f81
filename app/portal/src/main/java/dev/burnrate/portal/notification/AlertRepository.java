package dev.burnrate.portal.notification;

import static dev.burnrate.portal.db.Tables.ALERTS;
import static dev.burnrate.portal.db.Tables.TEAMS;

import dev.burnrate.engine.policy.continuous.Alert;
import dev.burnrate.portal.policy.PolicyJson;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Alerts raised by continuous evaluation. An alert key is open until a scan no longer finds its problem. */
@Repository
public class AlertRepository {

    private final DSLContext dsl;

    public AlertRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A stored alert, for lists. */
    public record StoredAlert(long id, String kind, String severity, String policyId, Integer policyVersion,
                              String ruleId, String team, String subject, String message, Instant raisedAt,
                              Instant resolvedAt) {
    }

    public Set<String> openKeys() {
        return dsl.select(ALERTS.ALERT_KEY).from(ALERTS).where(ALERTS.RESOLVED_AT.isNull()).fetchSet(ALERTS.ALERT_KEY);
    }

    /** Stores a new alert, or reopens one raised before and since resolved; returns its id. */
    public long raise(Alert alert, Long teamId, Instant now) {
        Optional<Long> existing = dsl.select(ALERTS.ID).from(ALERTS).where(ALERTS.ALERT_KEY.eq(alert.key()))
                .fetchOptional(ALERTS.ID);
        var version = alert.policy() == null ? null : alert.policy().version();
        var policyId = alert.policy() == null ? null : alert.policy().id();
        if (existing.isPresent()) {
            dsl.update(ALERTS)
                    .set(ALERTS.SEVERITY, alert.severity().name())
                    .set(ALERTS.POLICY_VERSION, version)
                    .set(ALERTS.MESSAGE, alert.message())
                    .set(ALERTS.EVIDENCE_JSON, PolicyJson.write(alert.evidence()))
                    .set(ALERTS.RAISED_AT, now.atOffset(ZoneOffset.UTC))
                    .setNull(ALERTS.RESOLVED_AT)
                    .where(ALERTS.ID.eq(existing.get()))
                    .execute();
            return existing.get();
        }
        return dsl.insertInto(ALERTS)
                .set(ALERTS.ALERT_KEY, alert.key())
                .set(ALERTS.KIND, alert.kind().name())
                .set(ALERTS.SEVERITY, alert.severity().name())
                .set(ALERTS.POLICY_ID, policyId)
                .set(ALERTS.POLICY_VERSION, version)
                .set(ALERTS.RULE_ID, alert.ruleId())
                .set(ALERTS.TEAM_ID, teamId)
                .set(ALERTS.SUBJECT, alert.resource())
                .set(ALERTS.MESSAGE, alert.message())
                .set(ALERTS.EVIDENCE_JSON, PolicyJson.write(alert.evidence()))
                .set(ALERTS.RAISED_AT, now.atOffset(ZoneOffset.UTC))
                .returning(ALERTS.ID).fetchSingle().getId();
    }

    /**
     * Resolves open alerts whose problem the last policy scan did not find; returns how many. Anomaly alerts are
     * not the scan's: they stay open until people give the anomaly a status.
     */
    public int resolveAllBut(Set<String> activeKeys, Instant now) {
        Condition open = ALERTS.RESOLVED_AT.isNull().and(ALERTS.KIND.ne(Alert.Kind.ANOMALY.name()));
        if (!activeKeys.isEmpty()) {
            open = open.and(ALERTS.ALERT_KEY.notIn(activeKeys));
        }
        return dsl.update(ALERTS).set(ALERTS.RESOLVED_AT, now.atOffset(ZoneOffset.UTC)).where(open).execute();
    }

    public List<StoredAlert> recent(Condition visible, int limit) {
        return dsl.select(ALERTS.fields()).select(TEAMS.NAME).from(ALERTS).leftJoin(TEAMS).on(TEAMS.ID.eq(ALERTS.TEAM_ID))
                .where(visible).orderBy(ALERTS.RAISED_AT.desc(), ALERTS.ID.desc()).limit(limit)
                .fetch(r -> new StoredAlert(r.get(ALERTS.ID), r.get(ALERTS.KIND), r.get(ALERTS.SEVERITY),
                        r.get(ALERTS.POLICY_ID), r.get(ALERTS.POLICY_VERSION), r.get(ALERTS.RULE_ID),
                        r.get(TEAMS.NAME), r.get(ALERTS.SUBJECT), r.get(ALERTS.MESSAGE),
                        r.get(ALERTS.RAISED_AT).toInstant(),
                        r.get(ALERTS.RESOLVED_AT) == null ? null : r.get(ALERTS.RESOLVED_AT).toInstant()));
    }

    /** Resolves the open alert of an anomaly once people gave it a status other than NEW. */
    public void resolve(String alertKey, Instant now) {
        dsl.update(ALERTS).set(ALERTS.RESOLVED_AT, now.atOffset(ZoneOffset.UTC))
                .where(ALERTS.ALERT_KEY.eq(alertKey), ALERTS.RESOLVED_AT.isNull()).execute();
    }

    public Optional<Long> teamId(String teamName) {
        return teamName == null ? Optional.empty()
                : dsl.select(TEAMS.ID).from(TEAMS).where(TEAMS.NAME.eq(teamName)).fetchOptional(TEAMS.ID);
    }
}
