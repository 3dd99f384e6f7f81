package dev.burnrate.portal.review.api;

import dev.burnrate.portal.review.Review;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A month-end review's header.
 *
 * @param period  e.g. {@code 2026-11} or {@code 2026-Q4}
 * @param state   OPEN (live figures) or SIGNED (locked snapshot)
 * @param version what a sign or reopen must name
 */
@Schema(name = "Review")
public record ReviewJson(long id, String period, String periodKind, String start, String end, String state,
                         String openedBy, Instant openedAt, String signedBy, Instant signedAt, String reopenedBy,
                         Instant reopenedAt, int signoffNo, int version) {

    static ReviewJson of(Review r) {
        return new ReviewJson(r.id(), r.period().label(), r.period().kind().name(), r.period().start().toString(),
                r.period().end().toString(), r.state().name(), r.openedBy(), r.openedAt(), r.signedBy(),
                r.signedAt(), r.reopenedBy(), r.reopenedAt(), r.signoffNo(), r.version());
    }
}
