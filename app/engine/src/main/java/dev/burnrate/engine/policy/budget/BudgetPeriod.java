package dev.burnrate.engine.policy.budget;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

/** The calendar period a budget covers, counted in a zone (UTC unless the portal says otherwise). */
public enum BudgetPeriod {
    MONTH,
    QUARTER;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The period containing {@code now}: its first instant (inclusive) and the next period's (exclusive). */
    public Window window(Instant now, ZoneId zone) {
        LocalDate day = now.atZone(zone).toLocalDate();
        LocalDate first = switch (this) {
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
        };
        LocalDate next = this == MONTH ? first.plusMonths(1) : first.plusMonths(3);
        ZonedDateTime start = first.atStartOfDay(zone);
        return new Window(start.toInstant(), next.atStartOfDay(zone).toInstant(), label(first));
    }

    private String label(LocalDate first) {
        return switch (this) {
            case MONTH -> String.format(Locale.ROOT, "%d-%02d", first.getYear(), first.getMonthValue());
            case QUARTER -> first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1);
        };
    }

    /** One period: {@code [start, end)} and a label such as {@code 2026-11} or {@code 2026-Q4}. */
    public record Window(Instant start, Instant end, String label) {

        /** Hours from {@code now} to the end of the period (0 once it is over). */
        public double hoursLeft(Instant now) {
            return Math.max(0, end.toEpochMilli() - now.toEpochMilli()) / 3_600_000.0;
        }
    }
}
