package dev.burnrate.portal.notification;

import static dev.burnrate.portal.db.Tables.ALERTS;
import static dev.burnrate.portal.db.Tables.WEBHOOK_DELIVERIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.BrowserTestBase;
import dev.burnrate.portal.support.RunAs;
import dev.burnrate.portal.user.UserRepository;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The portal as configured by default (burnrate.webhooks.allow-private-targets unset): a webhook to a loopback
 * receiver is refused when saved, and one stored earlier (or whose host now resolves inside the network) is not
 * sent: the delivery records why.
 */
class WebhookPrivateTargetsIT extends BrowserTestBase {

    @Autowired
    WebhookService webhooks;
    @Autowired
    WebhookDispatcher dispatcher;
    @Autowired
    WebhookRepository repository;
    @Autowired
    WebhookSecrets secrets;
    @Autowired
    UserRepository users;
    @Autowired
    DSLContext dsl;
    @Autowired
    ApplicationContext app;

    @Test
    void loopbackReceiversAreRefusedWhenSavedAndWhenDelivered() throws Exception {
        AtomicInteger received = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            long team = users.insertTeam("webhook-targets-" + UUID.randomUUID().toString().substring(0, 8), null);

            assertThatThrownBy(() -> RunAs.user(app, "admin", () -> {
                webhooks.save(team, url, "a-signing-secret-of-some-length");
                return null;
            }, Role.ADMIN)).isInstanceOf(WebhookTargets.RefusedTarget.class)
                    .hasMessageContaining("resolves to 127.0.0.1");
            assertThat(repository.forTeam(team)).isEmpty();

            // As if saved before the rule existed, or while the host still resolved to a public address.
            Instant now = Instant.now();
            repository.upsert(team, url, secrets.encrypt("a-signing-secret-of-some-length"), "admin", now);
            long alert = dsl.insertInto(ALERTS).set(ALERTS.ALERT_KEY, "webhook-targets-" + UUID.randomUUID())
                    .set(ALERTS.KIND, "POLICY_VIOLATION").set(ALERTS.SEVERITY, "WARN").set(ALERTS.TEAM_ID, team)
                    .set(ALERTS.SUBJECT, "test").set(ALERTS.MESSAGE, "test").set(ALERTS.EVIDENCE_JSON, "{}")
                    .set(ALERTS.RAISED_AT, now.atOffset(ZoneOffset.UTC)).returning().fetchSingle().getId();
            long webhook = repository.forTeam(team).orElseThrow().id();
            repository.enqueue(webhook, alert, "{}", now.minusSeconds(1));

            dispatcher.dispatchDue();

            assertThat(received).hasValue(0);
            var delivery = dsl.selectFrom(WEBHOOK_DELIVERIES).where(WEBHOOK_DELIVERIES.ALERT_ID.eq(alert)).fetchSingle();
            assertThat(delivery.getStatus()).isNotEqualTo("DELIVERED");
            assertThat(delivery.getLastError()).contains("resolves to 127.0.0.1");
        } finally {
            server.stop(0);
        }
    }
}
