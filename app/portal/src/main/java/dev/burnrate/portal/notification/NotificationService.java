package dev.burnrate.portal.notification;

import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The in-app notification centre. Users read and mark their own notifications; other services send them inside
 * their own transactions (so a notification exists only if what it reports happened).
 */
@Service
public class NotificationService {

    private final NotificationRepository repository;
    private final CurrentUser currentUser;
    private final Clock clock;

    public NotificationService(NotificationRepository repository, CurrentUser currentUser, Clock clock) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @PermitAll
    @Transactional(readOnly = true)
    public int unreadCount() {
        return currentUser.username().map(repository::unread).orElse(0);
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<Notification> recent(int limit) {
        return repository.recent(currentUser.requireUsername(), limit);
    }

    @PermitAll
    @Transactional
    public void markRead(long id) {
        repository.markRead(currentUser.requireUsername(), id, clock.instant());
    }

    @PermitAll
    @Transactional
    public int markAllRead() {
        return repository.markRead(currentUser.requireUsername(), null, clock.instant());
    }

    /** Sends one notification to each recipient (duplicates dropped). For services; joins their transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    @PermitAll // for services, inside the transaction of work they authorised (scheduled scans have no user)
    public void send(Collection<String> recipients, String category, String title, String body, String link,
                     Long alertId) {
        for (String recipient : new LinkedHashSet<>(recipients)) {
            repository.insert(recipient, category, title, body, link, alertId, clock.instant());
        }
    }

    /** Approvers of a team, plus finance when asked. */
    @Transactional(propagation = Propagation.MANDATORY)
    @PermitAll
    public Set<String> approvers(long teamId, boolean finance) {
        Set<String> recipients = new LinkedHashSet<>(repository.usersWithRole(Role.APPROVER.name(), teamId));
        if (finance) {
            recipients.addAll(repository.usersWithRole(Role.FINANCE.name(), null));
        }
        return recipients;
    }

    /** Who hears about an alert: the team's members (all admins for organisation-wide ones), and finance for budgets. */
    @Transactional(propagation = Propagation.MANDATORY)
    @PermitAll
    public Set<String> alertRecipients(Long teamId, boolean budget) {
        Set<String> recipients = new LinkedHashSet<>(teamId == null
                ? repository.usersWithRole(Role.ADMIN.name(), null) : repository.members(teamId));
        if (budget) {
            recipients.addAll(repository.usersWithRole(Role.FINANCE.name(), null));
        }
        return recipients;
    }
}
