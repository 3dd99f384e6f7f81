package dev.burnrate.portal.budget.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Periods of a year and money as the plan views show them (exact amounts, two decimals, grouped). */
final class PlanPeriods {

    private PlanPeriods() {
    }

    /** The period starts of {@code year} for a granularity: twelve months or four quarters. */
    static List<LocalDate> of(int year, PlanGranularity granularity) {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = granularity.periodEnd(d)) {
            starts.add(d);
        }
        return starts;
    }

    static String label(LocalDate start, PlanGranularity granularity) {
        return PlanValidator.label(start, granularity);
    }

    static String money(BigDecimal amount, String currency) {
        return String.format(Locale.ROOT, "%,.2f %s", amount, currency);
    }

    /** The sum of a plan's amounts in {@code year}. */
    static BigDecimal yearTotal(Map<LocalDate, BigDecimal> amounts, int year) {
        return amounts.entrySet().stream().filter(e -> e.getKey().getYear() == year).map(Map.Entry::getValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
