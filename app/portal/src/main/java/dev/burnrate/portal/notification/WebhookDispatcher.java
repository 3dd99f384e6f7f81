package dev.burnrate.portal.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued webhooks: POST of the JSON payload with a signature header; a non-2xx answer or a network error
 * is retried with exponential back-off (by default 30 s, 1 min, 2 min, ...) up to {@link #MAX_ATTEMPTS} attempts, then the
 * delivery is marked FAILED with the last error. Receivers can de-duplicate by the delivery id header.
 */
@Component
public class WebhookDispatcher {

    static final int MAX_ATTEMPTS = 6;
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookRepository repository;
    private final WebhookSecrets secrets;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration backoff;
    private final WebhookTargets targets;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public WebhookDispatcher(WebhookRepository repository, WebhookSecrets secrets, TransactionTemplate tx,
                             Clock clock, @Value("${burnrate.webhooks.backoff-ms:30000}") long backoffMillis,
                             WebhookTargets targets) {
        this.targets = targets;
        this.backoff = Duration.ofMillis(backoffMillis);
        this.repository = repository;
        this.secrets = secrets;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${burnrate.webhooks.dispatch-ms:10000}", initialDelay = 10_000)
    @SchedulerLock(name = "webhook-delivery")
    void scheduled() {
        dispatchDue();
    }

    /** Sends every due delivery once; returns how many were delivered. */
    public synchronized int dispatchDue() {
        int delivered = 0;
        for (WebhookRepository.DueDelivery due : tx.execute(s -> repository.due(clock.instant(), 50))) {
            int attempts = due.attempts() + 1;
            String error = send(due);
            Instant now = clock.instant();
            if (error == null) {
                tx.executeWithoutResult(s -> repository.delivered(due.id(), attempts, now));
                delivered++;
            } else {
                boolean giveUp = attempts >= MAX_ATTEMPTS;
                Instant next = now.plus(backoff.multipliedBy(1L << Math.min(attempts - 1, 10)));
                log.warn("Webhook delivery {} attempt {} failed{}: {}", due.id(), attempts,
                        giveUp ? " (giving up)" : "", error);
                tx.executeWithoutResult(s -> repository.retryLater(due.id(), attempts, error, next, giveUp));
            }
        }
        return delivered;
    }

    /** Null when the receiver accepted it, else the reason. */
    private String send(WebhookRepository.DueDelivery due) {
        try {
            // Checked again at each delivery: the host may resolve elsewhere now than when the URL was saved.
            targets.check(URI.create(due.url()));
        } catch (WebhookTargets.RefusedTarget refused) {
            return refused.getMessage();
        }
        long timestamp = clock.instant().getEpochSecond();
        String secret = secrets.decrypt(due.secretEncrypted());
        HttpRequest request = HttpRequest.newBuilder(URI.create(due.url()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Burnrate-Webhook/1")
                .header(WebhookSigner.DELIVERY_HEADER, String.valueOf(due.id()))
                .header(WebhookSigner.TIMESTAMP_HEADER, String.valueOf(timestamp))
                .header(WebhookSigner.SIGNATURE_HEADER, WebhookSigner.sign(secret, timestamp, due.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(due.payload()))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (java.io.IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
