package dev.burnrate.engine.usage.query;

import dev.burnrate.engine.usage.ingest.Micros;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Maps a ChargePeriodStart (microseconds, UTC) to a bucket number 0..count-1 between a first and a last
 * timestamp. Hours, days and weeks are fixed widths (one subtraction and one division by a constant); months
 * are looked up through a day-to-month table, since their lengths differ.
 */
final class TimeBucketer {

    static final long HOUR = 3_600_000_000L;
    static final long DAY = 24 * HOUR;

    private final TimeBucket bucket;
    private final long origin;
    private final long width;
    private final int count;
    private final int[] monthOfDay;
    private final LocalDate firstDay;

    TimeBucketer(TimeBucket bucket, long first, long last) {
        this.bucket = bucket;
        long firstDayMicros = Math.floorDiv(first, DAY) * DAY;
        this.firstDay = LocalDate.ofEpochDay(Math.floorDiv(first, DAY));
        switch (bucket) {
            case NONE -> {
                origin = first;
                width = Long.MAX_VALUE;
                count = 1;
                monthOfDay = null;
            }
            case HOUR -> {
                origin = Math.floorDiv(first, HOUR) * HOUR;
                width = HOUR;
                count = (int) ((last - origin) / HOUR) + 1;
                monthOfDay = null;
            }
            case DAY -> {
                origin = firstDayMicros;
                width = DAY;
                count = (int) ((last - origin) / DAY) + 1;
                monthOfDay = null;
            }
            case WEEK -> {
                LocalDate monday = firstDay.minusDays(firstDay.getDayOfWeek().getValue() - 1L);
                origin = monday.toEpochDay() * DAY;
                width = 7 * DAY;
                count = (int) ((last - origin) / width) + 1;
                monthOfDay = null;
            }
            default -> {
                origin = firstDayMicros;
                width = DAY;
                int days = (int) ((last - origin) / DAY) + 1;
                monthOfDay = new int[days];
                LocalDate start = firstDay.withDayOfMonth(1);
                for (int d = 0; d < days; d++) {
                    LocalDate day = firstDay.plusDays(d);
                    monthOfDay[d] = (day.getYear() - start.getYear()) * 12 + day.getMonthValue() - start.getMonthValue();
                }
                count = monthOfDay[days - 1] + 1;
            }
        }
    }

    int count() {
        return count;
    }

    TimeBucket bucket() {
        return bucket;
    }

    /** Bucket of a timestamp that lies between the first and last given at construction. */
    int of(long micros) {
        if (bucket == TimeBucket.NONE) {
            return 0;
        }
        int step = (int) ((micros - origin) / width);
        return monthOfDay == null ? step : monthOfDay[step];
    }

    long origin() {
        return origin;
    }

    long width() {
        return width;
    }

    int[] monthOfDay() {
        return monthOfDay;
    }

    /** The start of bucket {@code b}, or null without bucketing. */
    Instant start(int b) {
        return switch (bucket) {
            case NONE -> null;
            case MONTH -> firstDay.withDayOfMonth(1).plusMonths(b).atStartOfDay().toInstant(ZoneOffset.UTC);
            default -> Micros.toInstant(origin + b * width);
        };
    }
}
