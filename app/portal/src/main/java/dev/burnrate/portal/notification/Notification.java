package dev.burnrate.portal.notification;

import java.time.Instant;

/** One message in a user's notification centre. */
public record Notification(long id, String category, String title, String body, String link, Instant createdAt,
                           boolean read) {
}
