package dev.burnrate.portal.review;

import dev.burnrate.portal.budget.plan.PlanGranularity;
import dev.burnrate.portal.finance.DataVersions;
import jakarta.annotation.security.PermitAll;
import java.time.YearMonth;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a month stands in its budget review, for other finance documents of the same month (a chargeback
 * statement): the sign-off state as exports print it and, once signed, the data versions the signature covers,
 * so the statement of a signed month is computed from exactly the data that was signed.
 */
@Service
public class PeriodSignOffs {

    private final ReviewRepository reviews;

    PeriodSignOffs(ReviewRepository reviews) {
        this.reviews = reviews;
    }

    /**
     * @param state          e.g. "Signed by finance on 2026-12-03 09:12 UTC", "Open: figures are live and not
     *                       signed", or "Not reviewed"
     * @param signedVersions the versions the signed review recorded; empty unless the month is signed
     */
    public record PeriodSignOff(String state, Optional<DataVersions> signedVersions) {
    }

    @PermitAll
    @Transactional(readOnly = true)
    public PeriodSignOff of(YearMonth month) {
        Optional<Review> review = reviews.find(ReviewPeriod.containing(PlanGranularity.MONTH,
                month.atDay(1)));
        if (review.isEmpty()) {
            return new PeriodSignOff("Not reviewed", Optional.empty());
        }
        Review r = review.get();
        return new PeriodSignOff(ReviewReport.signOff(r), r.signed()
                ? Optional.of(reviews.snapshotVersions(r.id(), r.signoffNo())) : Optional.empty());
    }
}
