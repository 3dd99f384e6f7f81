package dev.burnrate.portal.review;

import java.math.BigDecimal;
import java.time.Instant;

/** One version of a reforecast proposal for a line, and finance's decision on it. */
public record Proposal(long id, String lineKey, int version, BigDecimal amount, String currency, String note,
                       String proposedBy, Instant proposedAt, Decision decision, String decidedBy, Instant decidedAt,
                       String decisionNote) {

    public enum Decision {
        PENDING,
        ACCEPTED,
        REJECTED
    }
}
