package dev.burnrate.portal.notification;

import static dev.burnrate.portal.db.Tables.ALERTS;
import static dev.burnrate.portal.db.Tables.WEBHOOK_DELIVERIES;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.portal.provisioning.RequestDraft;
import dev.burnrate.portal.provisioning.RequestState;
import dev.burnrate.portal.provisioning.ResourceService;
import dev.burnrate.portal.provisioning.ProvisioningService;
import dev.burnrate.portal.provisioning.StoredRequest;
import dev.burnrate.portal.provisioning.Template;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.ProvisioningTestBase;
import dev.burnrate.portal.user.UserRepository;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Continuous evaluation in the running portal: a running resource that breaks the (audit-mode) tagging policy raises
 * one alert, a notification for its team and one signed webhook delivery, retried after the receiver fails once;
 * the next scan raises nothing new; stopping the resource resolves the alert.
 */
class AlertsAndWebhooksIT extends ProvisioningTestBase {

    private static final String SECRET = "webhook-signing-secret-for-tests";

    record Received(String signature, String timestamp, String delivery, String body) {
    }

    @Autowired
    ProvisioningService provisioning;
    @Autowired
    ResourceService resources;
    @Autowired
    WebhookService webhooks;
    @Autowired
    WebhookDispatcher dispatcher;
    @Autowired
    ContinuousEvaluationJob job;
    @Autowired
    NotificationService notifications;
    @Autowired
    UserRepository users;
    @Autowired
    DSLContext dsl;

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger(1);

    @Autowired
    org.springframework.context.ApplicationContext app;

    <T> T as(String user, Supplier<T> work, Role... roles) {
        return dev.burnrate.portal.support.RunAs.user(app, user, work, roles);
    }

    @BeforeEach
    void receiver() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst(WebhookSigner.SIGNATURE_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSigner.TIMESTAMP_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSigner.DELIVERY_HEADER), body));
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
    }

    @Test
    void aViolationIsRaisedOnceNotifiedDeliveredSignedWithRetryAndResolved() throws Exception {
        long team = users.findTeamByName("inference").orElseThrow().id();
        as("admin", () -> {
            webhooks.save(team, "http://127.0.0.1:" + server.getAddress().getPort() + "/hook", SECRET);
            return null;
        }, Role.ADMIN);
        String id = UUID.randomUUID().toString();
        RequestDraft untagged = new RequestDraft(Template.NOTEBOOK, "inference", null, "untagged-notebook", "aws",
                "eu-central-1", "c3.2xlarge", 1, PurchaseOption.ON_DEMAND, 8.0, "internal", Map.of("owner", "approver"),
                true, true, false, false);
        StoredRequest request = as("approver", () -> provisioning.submit(id, untagged), Role.APPROVER);
        assertThat(request.state()).as("audit-mode tagging only warns").isEqualTo(RequestState.PROVISIONED);
        int unreadBefore = as("approver", notifications::unreadCount, Role.APPROVER);

        job.scan();

        String key = "violation|tagging-standard|required_tags|missing-tag:cost-center|" + request.resourceId();
        assertThat(dsl.fetchCount(ALERTS, ALERTS.ALERT_KEY.eq(key).and(ALERTS.RESOLVED_AT.isNull()))).isEqualTo(1);
        assertThat(dsl.select(ALERTS.SEVERITY).from(ALERTS).where(ALERTS.ALERT_KEY.eq(key)).fetchOne(ALERTS.SEVERITY))
                .isEqualTo("WARN");
        assertThat(as("approver", notifications::unreadCount, Role.APPROVER)).isGreaterThan(unreadBefore);
        long alertId = dsl.select(ALERTS.ID).from(ALERTS).where(ALERTS.ALERT_KEY.eq(key)).fetchOne(ALERTS.ID);

        long deadline = System.currentTimeMillis() + 20_000;
        while (deliveryStatus(alertId).equals("PENDING") && System.currentTimeMillis() < deadline) {
            dispatcher.dispatchDue();
        }
        assertThat(deliveryStatus(alertId)).isEqualTo("DELIVERED");
        List<Received> forAlert = received.stream().filter(r -> r.body().contains(key)).toList();
        assertThat(forAlert).hasSize(2);
        Received delivered = forAlert.get(1);
        assertThat(delivered.signature()).isEqualTo(WebhookSigner.sign(SECRET, Long.parseLong(delivered.timestamp()),
                delivered.body()));
        assertThat(delivered.delivery()).isEqualTo(forAlert.get(0).delivery());
        assertThat(delivered.body()).contains("\"team\":\"inference\"", "\"severity\":\"WARN\"");

        job.scan();
        assertThat(dsl.fetchCount(WEBHOOK_DELIVERIES, WEBHOOK_DELIVERIES.ALERT_ID.eq(alertId))).isEqualTo(1);
        assertThat(deliveryStatus(alertId)).as("not queued again").isEqualTo("DELIVERED");

        as("approver", () -> resources.stop(request.resourceId()), Role.APPROVER);
        job.scan();
        assertThat(dsl.fetchCount(ALERTS, ALERTS.ALERT_KEY.eq(key).and(ALERTS.RESOLVED_AT.isNotNull()))).isEqualTo(1);
    }

    private String deliveryStatus(long alertId) {
        return dsl.select(WEBHOOK_DELIVERIES.STATUS).from(WEBHOOK_DELIVERIES)
                .where(WEBHOOK_DELIVERIES.ALERT_ID.eq(alertId)).fetchOptional(WEBHOOK_DELIVERIES.STATUS).orElse("NONE");
    }
}
