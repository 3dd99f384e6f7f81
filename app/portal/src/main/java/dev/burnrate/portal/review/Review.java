package dev.burnrate.portal.review;

import java.time.Instant;

/** A review's header as stored. {@code version} is what a sign or reopen must name (optimistic locking). */
public record Review(long id, ReviewPeriod period, ReviewState state, String openedBy, Instant openedAt,
                     String signedBy, Instant signedAt, String reopenedBy, Instant reopenedAt, int signoffNo,
                     int version) {

    public boolean signed() {
        return state == ReviewState.SIGNED;
    }
}
