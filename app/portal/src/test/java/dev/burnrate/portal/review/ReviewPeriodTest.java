package dev.burnrate.portal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.portal.budget.plan.PlanGranularity;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReviewPeriodTest {

    @Test
    void theDefaultIsTheLastClosedMonthAndPeriodsReadAsTheyAreWritten() {
        assertThat(ReviewPeriod.lastClosedMonth(LocalDate.of(2026, 12, 7)))
                .isEqualTo(new ReviewPeriod(PlanGranularity.MONTH, LocalDate.of(2026, 11, 1)));
        assertThat(ReviewPeriod.lastClosedMonth(LocalDate.of(2026, 1, 1)).label()).isEqualTo("2025-12");
        ReviewPeriod q4 = ReviewPeriod.parse("2026-q4");
        assertThat(q4).isEqualTo(new ReviewPeriod(PlanGranularity.QUARTER, LocalDate.of(2026, 10, 1)));
        assertThat(q4.label()).isEqualTo("2026-Q4");
        assertThat(q4.end()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(q4.previous().label()).isEqualTo("2026-Q3");
        assertThat(ReviewPeriod.parse("2026-11").end()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(ReviewPeriod.parse("2026-11").closedBy(LocalDate.of(2026, 12, 1))).isTrue();
        assertThat(ReviewPeriod.parse("2026-11").closedBy(LocalDate.of(2026, 11, 30))).isFalse();
        assertThatThrownBy(() -> ReviewPeriod.parse("2026-13")).hasMessageContaining("write a month as 2026-11");
        assertThatThrownBy(() -> new ReviewPeriod(PlanGranularity.QUARTER, LocalDate.of(2026, 11, 1)))
                .hasMessageContaining("not the first day of a quarter");
    }
}
