package dev.burnrate.portal.review;

import dev.burnrate.portal.budget.plan.BudgetPlan;
import dev.burnrate.portal.budget.plan.BudgetPlanRepository;
import dev.burnrate.portal.finance.BillingData;
import dev.burnrate.portal.finance.DataVersions;
import dev.burnrate.portal.security.SystemRunner;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Component;

/** A review's live figures: the budgets as planned now over the newest billing data. */
@Component
class ReviewFigures {

    /** Lines computed from pinned versions. */
    record Live(DataVersions versions, List<ReviewLine> lines) {
    }

    private final BudgetPlanRepository plans;
    private final BillingData billing;
    private final SpendForecaster forecaster;
    private final Clock clock;

    ReviewFigures(BudgetPlanRepository plans, BillingData billing, SpendForecaster forecaster, Clock clock) {
        this.plans = plans;
        this.billing = billing;
        this.forecaster = forecaster;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /**
     * The lines of a period now, or a clear message when there is nothing to review. They are computed over all
     * teams' data, as a signed snapshot is: {@link ReviewAccess} then hides what the user may not see, so a budget's
     * owner outside its team reads the same figure as finance.
     *
     * @throws IllegalArgumentException when the period has not started or has no billing data
     */
    Live compute(ReviewPeriod period) {
        return SystemRunner.callAsSystem(() -> computeForAllTeams(period));
    }

    private Live computeForAllTeams(ReviewPeriod period) {
        LocalDate today = today();
        if (period.start().isAfter(today)) {
            throw new IllegalArgumentException(period.label() + " has not started yet: there is nothing to review");
        }
        DataVersions versions = billing.current();
        List<BudgetPlan> all = plans.findAll();
        SpendCells cells = SpendCells.read(billing, versions, all, ReviewCalculator.cellsFrom(period, today),
                period.end());
        if (cells.isEmpty(period.start(), period.end())) {
            throw new IllegalArgumentException("No billing data for " + period.label() + " (" + period.start()
                    + " to " + period.end().minusDays(1) + "): import the period's billing data first");
        }
        return new Live(versions, new ReviewCalculator(forecaster).compute(period, all, cells, today));
    }
}
