package dev.burnrate.portal.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.engine.policy.budget.BudgetPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportedRunRateTest {

    private static final BudgetKey NOVEMBER = new BudgetKey("b", BudgetKey.Scope.TEAM, "ml-research",
            BudgetPeriod.MONTH, Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));
    /** 492 hours before the period's end. */
    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");
    private final ImportedRunRate rate = new ImportedRunRate(null, null);

    private static List<DaySpend> daily(int fromDay, int toDay, double perDay) {
        List<DaySpend> days = new ArrayList<>();
        for (int d = fromDay; d <= toDay; d++) {
            days.add(new DaySpend("USD", LocalDate.of(2026, 11, d), perDay));
        }
        return days;
    }

    @Test
    void lessThanAWeekOfThePeriodImportedIsNotExtrapolated() {
        assertThat(rate.perHour(NOVEMBER, NOW, daily(1, 6, 240))).isZero();
        assertThat(rate.perHour(NOVEMBER, NOW, List.of())).isZero();
    }

    @Test
    void aWeekOfHistoryGoesOnAtItsAverageFromTheNewestImportedDayToThePeriodsEnd() {
        // $10/h over Nov 2-8 (Nov 1 was dearer and is older than the last 7 days), 528 hours from Nov 9 to Dec 1:
        // $5,280 more, spread over the 492 hours left from now.
        List<DaySpend> days = new ArrayList<>(daily(1, 1, 9_999));
        days.addAll(daily(2, 8, 240));

        double perHour = rate.perHour(NOVEMBER, NOW, days);

        assertThat(perHour * 492).isCloseTo(5_280, within(1e-6));
    }

    @Test
    void todaysPartialDayDoesNotSetTheRate() {
        List<DaySpend> days = new ArrayList<>(daily(1, 9, 240));
        days.add(new DaySpend("USD", LocalDate.of(2026, 11, 10), 1));

        assertThat(rate.perHour(NOVEMBER, NOW, days) * 492).isCloseTo(10 * 22 * 24 - 240, within(1e-6));
    }
}
