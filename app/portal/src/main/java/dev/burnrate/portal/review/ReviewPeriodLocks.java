package dev.burnrate.portal.review;

import dev.burnrate.portal.budget.plan.PeriodLocks;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Budget edits touching a period whose review is signed are refused until the review is reopened. */
@Component
public class ReviewPeriodLocks implements PeriodLocks {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ReviewRepository reviews;

    public ReviewPeriodLocks(ReviewRepository reviews) {
        this.reviews = reviews;
    }

    @Override
    public Optional<String> lockedReason(LocalDate from, LocalDate toExclusive) {
        return reviews.signedOverlapping(from, toExclusive).stream().findFirst().map(r -> r.period().label()
                + " was signed off by " + r.signedBy() + " on " + WHEN.format(r.signedAt())
                + "; reopen the review of " + r.period().label() + " to change it");
    }
}
