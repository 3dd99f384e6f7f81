package dev.burnrate.portal.notification;

import static dev.burnrate.portal.db.Tables.ALERTS;

import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.jooq.Condition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Alerts for the Alerts view, limited to the user's teams (organisation-wide ones for ADMIN and FINANCE). */
@Service
public class AlertService {

    private final AlertRepository alerts;
    private final ContinuousEvaluationJob job;
    private final CurrentUser currentUser;

    public AlertService(AlertRepository alerts, ContinuousEvaluationJob job, CurrentUser currentUser) {
        this.alerts = alerts;
        this.job = job;
        this.currentUser = currentUser;
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<AlertRepository.StoredAlert> recent(int limit) {
        Condition visible = currentUser.seesAllTeams() ? ALERTS.TEAM_ID.isNull().or(currentUser.teamScope(ALERTS.TEAM_ID))
                : currentUser.teamScope(ALERTS.TEAM_ID);
        return alerts.recent(visible, limit);
    }

    /**
     * Runs continuous evaluation now (it also runs on a schedule and after spend changes), under the scan's job
     * lock: empty when another portal is scanning (a scan is then owed and runs once that one is done).
     */
    @RolesAllowed(Role.Names.ADMIN)
    public java.util.Optional<Integer> scanNow() {
        return job.scanUnderLock();
    }
}
