package dev.burnrate.portal.notification;

import static dev.burnrate.portal.db.Tables.NOTIFICATIONS;
import static dev.burnrate.portal.db.Tables.TEAM_MEMBERS;
import static dev.burnrate.portal.db.Tables.USERS;
import static dev.burnrate.portal.db.Tables.USER_ROLES;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Notifications and who receives them. No authorisation here: services do that. */
@Repository
public class NotificationRepository {

    private final DSLContext dsl;

    public NotificationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(String recipient, String category, String title, String body, String link, Long alertId,
                       Instant now) {
        dsl.insertInto(NOTIFICATIONS)
                .set(NOTIFICATIONS.RECIPIENT, recipient)
                .set(NOTIFICATIONS.CATEGORY, category)
                .set(NOTIFICATIONS.TITLE, truncate(title, 200))
                .set(NOTIFICATIONS.BODY, truncate(body, 2000))
                .set(NOTIFICATIONS.LINK, link)
                .set(NOTIFICATIONS.ALERT_ID, alertId)
                .set(NOTIFICATIONS.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .execute();
    }

    public int unread(String recipient) {
        return dsl.fetchCount(NOTIFICATIONS, NOTIFICATIONS.RECIPIENT.eq(recipient).and(NOTIFICATIONS.READ_AT.isNull()));
    }

    public List<Notification> recent(String recipient, int limit) {
        return dsl.selectFrom(NOTIFICATIONS).where(NOTIFICATIONS.RECIPIENT.eq(recipient))
                .orderBy(NOTIFICATIONS.ID.desc()).limit(limit)
                .fetch(r -> new Notification(r.getId(), r.getCategory(), r.getTitle(), r.getBody(), r.getLink(),
                        r.getCreatedAt().toInstant(), r.getReadAt() != null));
    }

    public int markRead(String recipient, Long id, Instant now) {
        Condition which = NOTIFICATIONS.RECIPIENT.eq(recipient).and(NOTIFICATIONS.READ_AT.isNull());
        if (id != null) {
            which = which.and(NOTIFICATIONS.ID.eq(id));
        }
        return dsl.update(NOTIFICATIONS).set(NOTIFICATIONS.READ_AT, now.atOffset(ZoneOffset.UTC)).where(which).execute();
    }

    /** Enabled users with a role, optionally only members of a team. */
    public List<String> usersWithRole(String role, Long teamId) {
        Condition condition = USER_ROLES.ROLE.eq(role).and(USERS.ENABLED.isTrue());
        if (teamId != null) {
            condition = condition.and(USERS.ID.in(DSL.select(TEAM_MEMBERS.USER_ID).from(TEAM_MEMBERS)
                    .where(TEAM_MEMBERS.TEAM_ID.eq(teamId))));
        }
        return dsl.selectDistinct(USERS.USERNAME).from(USERS).join(USER_ROLES).on(USER_ROLES.USER_ID.eq(USERS.ID))
                .where(condition).orderBy(USERS.USERNAME).fetch(USERS.USERNAME);
    }

    /** Enabled members of a team. */
    public List<String> members(long teamId) {
        return dsl.selectDistinct(USERS.USERNAME).from(USERS).join(TEAM_MEMBERS).on(TEAM_MEMBERS.USER_ID.eq(USERS.ID))
                .where(TEAM_MEMBERS.TEAM_ID.eq(teamId).and(USERS.ENABLED.isTrue())).orderBy(USERS.USERNAME)
                .fetch(USERS.USERNAME);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
