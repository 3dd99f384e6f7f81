package dev.burnrate.portal.budget.plan;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** How a budget's plan is split: an amount per calendar month or per calendar quarter. */
public enum PlanGranularity {
    MONTH(1),
    QUARTER(3);

    private final int months;

    PlanGranularity(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }

    /** The first day of the period containing {@code day}. */
    public LocalDate periodStart(LocalDate day) {
        return switch (this) {
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
        };
    }

    /** The first day after the period starting at {@code start}. */
    public LocalDate periodEnd(LocalDate start) {
        return start.plusMonths(months);
    }
}
