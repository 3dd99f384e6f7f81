package dev.burnrate.portal.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** How far a spend forecast reaches: to the end of the month or the quarter in which the data ends. */
public enum ForecastHorizon {
    END_OF_MONTH("To the end of the month"),
    END_OF_QUARTER("To the end of the quarter");

    private final String label;

    ForecastHorizon(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The end (exclusive) of the period that holds the last observed step, whose end is {@code dataEnd}; when the
     * data ends exactly at a period's end, the next period's.
     */
    public Instant endAfter(Instant dataEnd) {
        LocalDate lastDay = dataEnd.minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate first = switch (this) {
            case END_OF_MONTH -> lastDay.withDayOfMonth(1).plusMonths(1);
            case END_OF_QUARTER -> lastDay.withDayOfMonth(1).withMonth((lastDay.getMonthValue() - 1) / 3 * 3 + 1)
                    .plusMonths(3);
        };
        Instant end = first.atStartOfDay().toInstant(ZoneOffset.UTC);
        return end.equals(dataEnd) ? ForecastHorizon.this.endAfter(dataEnd.plusNanos(1)) : end;
    }
}
