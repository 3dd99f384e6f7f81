package dev.burnrate.engine.usage.ingest;

/**
 * Parses FOCUS Date/Time text to microseconds since the epoch, UTC, without allocating.
 *
 * <p>Canonical: ISO 8601 {@code 2024-09-01T00:00:00Z} with optional fraction. Also accepted and reported as
 * {@link ParseStatus#NORMALISED}: a space instead of {@code T} and no zone ({@code 2024-09-01 00:00:00}, as real
 * exports write it; read as UTC), a numeric offset ({@code +02:00}, converted to UTC), a date alone (midnight
 * UTC), and US dates {@code M/d/yy} or {@code M/d/yyyy} as the FOCUS SaaS examples write them. Out-of-range
 * fields ({@code T30:00:00}) are invalid.
 */
public final class TimestampParser {

    public static final long MICROS_PER_SECOND = 1_000_000L;
    public static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

    private long micros;

    /** The value of the last successful parse. */
    public long micros() {
        return micros;
    }

    public ParseStatus parse(char[] b, int off, int len) {
        int end = off + len;
        while (off < end && b[off] == ' ') {
            off++;
        }
        while (end > off && b[end - 1] == ' ') {
            end--;
        }
        if (end - off >= 10 && b[off + 4] == '-' && b[off + 7] == '-') {
            return parseIso(b, off, end);
        }
        return parseUs(b, off, end);
    }

    private ParseStatus parseIso(char[] b, int i, int end) {
        int year = digits(b, i, 4);
        int month = digits(b, i + 5, 2);
        int day = digits(b, i + 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return ParseStatus.INVALID;
        }
        long days = daysFromCivil(year, month, day);
        i += 10;
        if (i == end) {
            micros = days * MICROS_PER_DAY;
            return ParseStatus.NORMALISED;
        }
        boolean canonical = b[i] == 'T';
        if ((b[i] != 'T' && b[i] != ' ') || end - i < 6 || b[i + 3] != ':') {
            return ParseStatus.INVALID;
        }
        int hour = digits(b, i + 1, 2);
        int minute = digits(b, i + 4, 2);
        int second = 0;
        i += 6;
        if (i < end && b[i] == ':') {
            if (end - i < 3) {
                return ParseStatus.INVALID;
            }
            second = digits(b, i + 1, 2);
            i += 3;
        }
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return ParseStatus.INVALID;
        }
        long fraction = 0;
        if (i < end && b[i] == '.') {
            int scale = 0;
            i++;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                if (scale < 6) {
                    fraction = fraction * 10 + (b[i] - '0');
                    scale++;
                }
                i++;
            }
            if (scale == 0) {
                return ParseStatus.INVALID;
            }
            for (; scale < 6; scale++) {
                fraction *= 10;
            }
        }
        long offsetSeconds = 0;
        if (i == end) {
            canonical = false;
        } else if (b[i] == 'Z' && i + 1 == end) {
            i++;
        } else if ((b[i] == '+' || b[i] == '-') && (end - i == 6 || end - i == 5 || end - i == 3)) {
            int oh = digits(b, i + 1, 2);
            int om = end - i == 3 ? 0 : digits(b, end - 2, 2);
            if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                return ParseStatus.INVALID;
            }
            offsetSeconds = (b[i] == '-' ? -1 : 1) * (oh * 3600L + om * 60L);
            canonical = false;
        } else {
            return ParseStatus.INVALID;
        }
        long seconds = days * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        micros = seconds * MICROS_PER_SECOND + fraction;
        return canonical ? ParseStatus.OK : ParseStatus.NORMALISED;
    }

    /** {@code M/d/yy} or {@code M/d/yyyy}; two-digit years are 2000-2099. */
    private ParseStatus parseUs(char[] b, int i, int end) {
        int[] parts = new int[3];
        int[] widths = new int[3];
        int p = 0;
        for (; i < end; i++) {
            char c = b[i];
            if (c == '/') {
                if (++p > 2) {
                    return ParseStatus.INVALID;
                }
            } else if (c >= '0' && c <= '9' && widths[p] < 4) {
                parts[p] = parts[p] * 10 + (c - '0');
                widths[p]++;
            } else {
                return ParseStatus.INVALID;
            }
        }
        if (p != 2 || widths[0] == 0 || widths[0] > 2 || widths[1] == 0 || widths[1] > 2
                || (widths[2] != 2 && widths[2] != 4)) {
            return ParseStatus.INVALID;
        }
        int year = widths[2] == 2 ? 2000 + parts[2] : parts[2];
        int month = parts[0];
        int day = parts[1];
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return ParseStatus.INVALID;
        }
        micros = daysFromCivil(year, month, day) * MICROS_PER_DAY;
        return ParseStatus.NORMALISED;
    }

    private static int digits(char[] b, int i, int n) {
        int v = 0;
        for (int k = 0; k < n; k++) {
            char c = b[i + k];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
    public static long daysFromCivil(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
