package dev.burnrate.portal.notification;

import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.policy.PolicyJson;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One webhook per team, configured by ADMIN (audited, secret never logged or shown again); alerts are queued for
 * it in the transaction that raises them and delivered by {@link WebhookDispatcher}.
 */
@Service
public class WebhookService {

    private final WebhookRepository repository;
    private final WebhookSecrets secrets;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final WebhookTargets targets;

    public WebhookService(WebhookRepository repository, WebhookSecrets secrets, AuditService audit,
                          CurrentUser currentUser, Clock clock, WebhookTargets targets) {
        this.targets = targets;
        this.repository = repository;
        this.secrets = secrets;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional(readOnly = true)
    public List<WebhookRepository.TeamWebhook> list() {
        return repository.findAll();
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional(readOnly = true)
    public Map<String, Integer> deliveryCounts(long webhookId) {
        return repository.deliveryCounts(webhookId);
    }

    /** Sets a team's webhook (replacing its URL and secret); refuses internal hosts unless allowed. */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public void save(long teamId, String url, String secret) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a URL: " + url);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("The webhook URL must be an http(s) URL with a host");
        }
        targets.check(uri);
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("The signing secret needs at least 16 characters");
        }
        var before = repository.forTeam(teamId).map(w -> Map.of("url", w.url(), "enabled", w.enabled())).orElse(null);
        repository.upsert(teamId, uri.toString(), secrets.encrypt(secret), currentUser.actor(), clock.instant());
        audit.record("webhook.save", "team:" + teamId, before, Map.of("url", uri.toString(), "secret", "(changed)"));
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public void setEnabled(long teamId, boolean enabled) {
        repository.setEnabled(teamId, enabled);
        audit.record(enabled ? "webhook.enable" : "webhook.disable", "team:" + teamId, null,
                Map.of("enabled", enabled));
    }

    /** Queues an alert for the team's webhook, if it has an enabled one. For services, inside their transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    @PermitAll // for the policy scan, which may run without a user
    public void enqueue(long teamId, long alertId, Map<String, Object> payload) {
        repository.forTeam(teamId).filter(WebhookRepository.TeamWebhook::enabled).ifPresent(webhook ->
                repository.enqueue(webhook.id(), alertId, PolicyJson.write(payload), clock.instant()));
    }
}
