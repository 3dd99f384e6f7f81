package dev.burnrate.portal.review;

import dev.burnrate.portal.budget.plan.PlanGranularity;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Objects;

/** The month or quarter a review covers: {@code [start, end())}. */
public record ReviewPeriod(PlanGranularity kind, LocalDate start) {

    public ReviewPeriod {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        if (!kind.periodStart(start).equals(start)) {
            throw new IllegalArgumentException(start + " is not the first day of a " + kind.name().toLowerCase());
        }
    }

    /** The period of kind {@code kind} that contains {@code day}. */
    public static ReviewPeriod containing(PlanGranularity kind, LocalDate day) {
        return new ReviewPeriod(kind, kind.periodStart(day));
    }

    /** Reads {@code 2026-11} (a month) or {@code 2026-Q4} (a quarter). */
    public static ReviewPeriod parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase();
        java.util.regex.Matcher quarter = java.util.regex.Pattern.compile("(\\d{4})-Q([1-4])").matcher(t);
        java.util.regex.Matcher month = java.util.regex.Pattern.compile("(\\d{4})-(\\d{2})").matcher(t);
        if (quarter.matches()) {
            return new ReviewPeriod(PlanGranularity.QUARTER, LocalDate.of(Integer.parseInt(quarter.group(1)),
                    (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1, 1));
        }
        if (month.matches() && Integer.parseInt(month.group(2)) >= 1 && Integer.parseInt(month.group(2)) <= 12) {
            return new ReviewPeriod(PlanGranularity.MONTH, LocalDate.of(Integer.parseInt(month.group(1)),
                    Integer.parseInt(month.group(2)), 1));
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a period: write a month as 2026-11 or a quarter "
                + "as 2026-Q4");
    }

    /** The last month that has ended by {@code today}: the default period of the review page. */
    public static ReviewPeriod lastClosedMonth(LocalDate today) {
        return new ReviewPeriod(PlanGranularity.MONTH, today.withDayOfMonth(1).minusMonths(1));
    }

    public LocalDate end() {
        return kind.periodEnd(start);
    }

    public ReviewPeriod previous() {
        return new ReviewPeriod(kind, start.minusMonths(kind.months()));
    }

    public boolean closedBy(LocalDate today) {
        return !today.isBefore(end());
    }

    /** e.g. {@code 2026-11} or {@code 2026-Q4}. */
    public String label() {
        return kind == PlanGranularity.MONTH ? start.toString().substring(0, 7)
                : start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
    }

    @Override
    public String toString() {
        return label();
    }
}
