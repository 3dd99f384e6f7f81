package dev.burnrate.portal.notification;

import static dev.burnrate.portal.db.Tables.TEAMS;
import static dev.burnrate.portal.db.Tables.WEBHOOKS;
import static dev.burnrate.portal.db.Tables.WEBHOOK_DELIVERIES;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Team webhooks and their deliveries. */
@Repository
public class WebhookRepository {

    private final DSLContext dsl;

    public WebhookRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A team's webhook, without its secret. */
    public record TeamWebhook(long id, long teamId, String team, String url, boolean enabled) {
    }

    /** A delivery that is due, with what is needed to send it. */
    public record DueDelivery(long id, String url, String secretEncrypted, String payload, int attempts) {
    }

    public List<TeamWebhook> findAll() {
        return dsl.select(WEBHOOKS.ID, WEBHOOKS.TEAM_ID, TEAMS.NAME, WEBHOOKS.URL, WEBHOOKS.ENABLED).from(WEBHOOKS)
                .join(TEAMS).on(TEAMS.ID.eq(WEBHOOKS.TEAM_ID)).orderBy(TEAMS.NAME)
                .fetch(r -> new TeamWebhook(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    public Optional<TeamWebhook> forTeam(long teamId) {
        return findAll().stream().filter(w -> w.teamId() == teamId).findFirst();
    }

    public void upsert(long teamId, String url, String secretEncrypted, String actor, Instant now) {
        int updated = dsl.update(WEBHOOKS).set(WEBHOOKS.URL, url).set(WEBHOOKS.SECRET_ENCRYPTED, secretEncrypted)
                .set(WEBHOOKS.ENABLED, true).where(WEBHOOKS.TEAM_ID.eq(teamId)).execute();
        if (updated == 0) {
            dsl.insertInto(WEBHOOKS)
                    .set(WEBHOOKS.TEAM_ID, teamId)
                    .set(WEBHOOKS.URL, url)
                    .set(WEBHOOKS.SECRET_ENCRYPTED, secretEncrypted)
                    .set(WEBHOOKS.CREATED_BY, actor)
                    .set(WEBHOOKS.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                    .execute();
        }
    }

    public void setEnabled(long teamId, boolean enabled) {
        dsl.update(WEBHOOKS).set(WEBHOOKS.ENABLED, enabled).where(WEBHOOKS.TEAM_ID.eq(teamId)).execute();
    }

    /** Queues a delivery; a reopened alert is queued again (its earlier delivery row is reset). */
    public void enqueue(long webhookId, long alertId, String payload, Instant now) {
        int reset = dsl.update(WEBHOOK_DELIVERIES)
                .set(WEBHOOK_DELIVERIES.PAYLOAD, payload)
                .set(WEBHOOK_DELIVERIES.STATUS, "PENDING")
                .set(WEBHOOK_DELIVERIES.ATTEMPTS, 0)
                .set(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT, now.atOffset(ZoneOffset.UTC))
                .setNull(WEBHOOK_DELIVERIES.DELIVERED_AT)
                .where(WEBHOOK_DELIVERIES.WEBHOOK_ID.eq(webhookId).and(WEBHOOK_DELIVERIES.ALERT_ID.eq(alertId)))
                .execute();
        if (reset > 0) {
            return;
        }
        dsl.insertInto(WEBHOOK_DELIVERIES)
                .set(WEBHOOK_DELIVERIES.WEBHOOK_ID, webhookId)
                .set(WEBHOOK_DELIVERIES.ALERT_ID, alertId)
                .set(WEBHOOK_DELIVERIES.PAYLOAD, payload)
                .set(WEBHOOK_DELIVERIES.STATUS, "PENDING")
                .set(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT, now.atOffset(ZoneOffset.UTC))
                .execute();
    }

    public List<DueDelivery> due(Instant now, int limit) {
        return dsl.select(WEBHOOK_DELIVERIES.ID, WEBHOOKS.URL, WEBHOOKS.SECRET_ENCRYPTED, WEBHOOK_DELIVERIES.PAYLOAD,
                        WEBHOOK_DELIVERIES.ATTEMPTS)
                .from(WEBHOOK_DELIVERIES).join(WEBHOOKS).on(WEBHOOKS.ID.eq(WEBHOOK_DELIVERIES.WEBHOOK_ID))
                .where(WEBHOOK_DELIVERIES.STATUS.eq("PENDING")
                        .and(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT.le(now.atOffset(ZoneOffset.UTC))))
                .orderBy(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT).limit(limit)
                .fetch(r -> new DueDelivery(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    public void delivered(long id, int attempts, Instant now) {
        dsl.update(WEBHOOK_DELIVERIES).set(WEBHOOK_DELIVERIES.STATUS, "DELIVERED")
                .set(WEBHOOK_DELIVERIES.ATTEMPTS, attempts).set(WEBHOOK_DELIVERIES.LAST_ERROR, (String) null)
                .set(WEBHOOK_DELIVERIES.DELIVERED_AT, now.atOffset(ZoneOffset.UTC))
                .where(WEBHOOK_DELIVERIES.ID.eq(id)).execute();
    }

    public void retryLater(long id, int attempts, String error, Instant next, boolean giveUp) {
        dsl.update(WEBHOOK_DELIVERIES).set(WEBHOOK_DELIVERIES.STATUS, giveUp ? "FAILED" : "PENDING")
                .set(WEBHOOK_DELIVERIES.ATTEMPTS, attempts)
                .set(WEBHOOK_DELIVERIES.LAST_ERROR, error.length() > 1000 ? error.substring(0, 1000) : error)
                .set(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT, next.atOffset(ZoneOffset.UTC))
                .where(WEBHOOK_DELIVERIES.ID.eq(id)).execute();
    }

    /** Delivery status counts of a team's webhook, for the admin view. */
    public java.util.Map<String, Integer> deliveryCounts(long webhookId) {
        return dsl.select(WEBHOOK_DELIVERIES.STATUS, org.jooq.impl.DSL.count()).from(WEBHOOK_DELIVERIES)
                .where(WEBHOOK_DELIVERIES.WEBHOOK_ID.eq(webhookId)).groupBy(WEBHOOK_DELIVERIES.STATUS)
                .fetchMap(r -> r.value1(), r -> r.value2());
    }
}
