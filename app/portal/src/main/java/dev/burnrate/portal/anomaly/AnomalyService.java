package dev.burnrate.portal.anomaly;

import static dev.burnrate.portal.db.Tables.ANOMALIES;
import static dev.burnrate.portal.db.Tables.ANOMALY_MONITORS;
import static dev.burnrate.portal.db.Tables.TEAMS;

import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.notification.AlertRepository;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anomalies and monitors as people see and change them: everyone sees their own teams' (ADMIN and FINANCE every
 * team's), team members set an anomaly's status, and a verdict (expected, false alarm) is kept so the same cause
 * does not alert again. Monitors are set by ADMIN and FINANCE, and by a team's approvers for their team. Every
 * change is audited.
 */
@Service
public class AnomalyService {

    private final AnomalyRepository repository;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;
    private final AlertRepository alerts;

    public AnomalyService(AnomalyRepository repository, CurrentUser currentUser, AuditService audit, Clock clock,
                          AlertRepository alerts) {
        this.repository = repository;
        this.alerts = alerts;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<StoredAnomaly> page(Set<AnomalyStatus> statuses, int offset, int limit) {
        return repository.page(visible(statuses), offset, limit);
    }

    @PermitAll
    @Transactional(readOnly = true)
    public int count(Set<AnomalyStatus> statuses) {
        return repository.count(visible(statuses));
    }

    /** One anomaly, if it exists and belongs to one of the user's teams (ADMIN and FINANCE: any team). */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<StoredAnomaly> find(long anomalyId) {
        return repository.teamOf(anomalyId).filter(team -> currentUser.seesAllTeams()
                || currentUser.teamIds().contains(team)).flatMap(team -> repository.find(anomalyId));
    }

    /** Sets an anomaly's status; a verdict is kept as feedback for its cause, any other status drops it. */
    @PermitAll
    @Transactional
    public StoredAnomaly setStatus(long anomalyId, AnomalyStatus status, String note) {
        long teamId = repository.teamOf(anomalyId)
                .orElseThrow(() -> new IllegalArgumentException("No anomaly " + anomalyId));
        currentUser.checkTeamAccess(teamId);
        StoredAnomaly before = repository.find(anomalyId).orElseThrow();
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > 1000) {
            throw new IllegalArgumentException("The note has " + cleanNote.length() + " characters; 1,000 at most");
        }
        String actor = currentUser.requireUsername();
        repository.setStatus(anomalyId, status, cleanNote, actor, clock.instant());
        if (status.isFeedback()) {
            repository.keepFeedback(anomalyId, status, cleanNote, actor, clock.instant());
        } else {
            repository.forgetFeedback(anomalyId);
        }
        if (status != AnomalyStatus.NEW) {
            alerts.resolve(AnomalyDetectionJob.alertKey(repository.key(anomalyId)), clock.instant());
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status.name());
        after.put("note", cleanNote == null ? "" : cleanNote);
        audit.record("anomaly.status", "anomaly:" + anomalyId, Map.of("status", before.status().name()), after);
        return repository.find(anomalyId).orElseThrow();
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<Monitor> monitors() {
        return repository.monitors(currentUser.teamScope(ANOMALY_MONITORS.TEAM_ID));
    }

    /** The teams the user may set monitors for (empty for engineers). */
    @PermitAll
    @Transactional(readOnly = true)
    public Map<Long, String> monitorTeams() {
        if (!currentUser.seesAllTeams() && !currentUser.hasRole(Role.APPROVER)) {
            return Map.of();
        }
        return repository.teams(currentUser.teamScope(TEAMS.ID));
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.FINANCE, Role.Names.APPROVER})
    @Transactional
    public Monitor createMonitor(long teamId, String name, BigDecimal minImpact, BigDecimal minImpactPercent) {
        checkMayManage(teamId);
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 100) {
            throw new IllegalArgumentException("A monitor needs a name of 1 to 100 characters");
        }
        checkThresholds(minImpact, minImpactPercent);
        boolean taken = repository.monitors(ANOMALY_MONITORS.TEAM_ID.eq(teamId)).stream()
                .anyMatch(m -> m.name().equalsIgnoreCase(cleanName));
        if (taken) {
            throw new IllegalArgumentException("The team already has a monitor named " + cleanName);
        }
        long id = repository.insertMonitor(teamId, cleanName, minImpact, minImpactPercent,
                currentUser.requireUsername(), clock.instant());
        audit.record("anomaly.monitor.create", "monitor:" + id, null, Map.of("team", teamId, "name", cleanName,
                "minImpact", minImpact.toPlainString(), "minImpactPercent", minImpactPercent.toPlainString()));
        return monitor(id);
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.FINANCE, Role.Names.APPROVER})
    @Transactional
    public Monitor updateMonitor(long monitorId, BigDecimal minImpact, BigDecimal minImpactPercent, boolean enabled) {
        Monitor before = monitor(monitorId);
        checkMayManage(before.teamId());
        checkThresholds(minImpact, minImpactPercent);
        repository.updateMonitor(monitorId, minImpact, minImpactPercent, enabled);
        audit.record("anomaly.monitor.update", "monitor:" + monitorId,
                Map.of("minImpact", before.minImpact().toPlainString(),
                        "minImpactPercent", before.minImpactPercent().toPlainString(), "enabled", before.enabled()),
                Map.of("minImpact", minImpact.toPlainString(), "minImpactPercent", minImpactPercent.toPlainString(),
                        "enabled", enabled));
        return monitor(monitorId);
    }

    private Monitor monitor(long id) {
        return repository.monitors(ANOMALY_MONITORS.ID.eq(id)).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No monitor " + id));
    }

    private void checkMayManage(long teamId) {
        if (currentUser.seesAllTeams()) {
            return;
        }
        if (!currentUser.teamIds().contains(teamId)) {
            throw new AccessDeniedException("Approvers set monitors only for their own teams");
        }
    }

    private static void checkThresholds(BigDecimal minImpact, BigDecimal minImpactPercent) {
        if (minImpact == null || minImpact.signum() < 0 || minImpact.scale() > 4) {
            throw new IllegalArgumentException("The minimum impact must be an amount of 0 or more, with at most four"
                    + " decimals");
        }
        if (minImpactPercent == null || minImpactPercent.signum() < 0 || minImpactPercent.scale() > 2) {
            throw new IllegalArgumentException("The minimum impact percentage must be 0 or more, with at most two"
                    + " decimals");
        }
    }

    private Condition visible(Set<AnomalyStatus> statuses) {
        Condition scope = currentUser.teamScope(ANOMALIES.TEAM_ID);
        return statuses == null || statuses.isEmpty() ? scope
                : scope.and(ANOMALIES.STATUS.in(statuses.stream().map(Enum::name).toList()));
    }
}
