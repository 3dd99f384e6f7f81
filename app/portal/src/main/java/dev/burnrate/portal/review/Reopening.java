package dev.burnrate.portal.review;

import java.time.Instant;

/** Why a signed review was reopened, by whom and when. */
public record Reopening(int signoffNo, String reason, String reopenedBy, Instant reopenedAt) {
}
