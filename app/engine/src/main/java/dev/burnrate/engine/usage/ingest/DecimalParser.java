package dev.burnrate.engine.usage.ingest;

/**
 * Parses FOCUS Decimal text to the nearest double without allocating for the common case.
 *
 * <p>Plain decimals ({@code -12.50}, {@code 1e-3}) of up to 18 significant digits whose power of ten is within
 * 22 take Clinger's fast path: mantissa and 10^k are both exact doubles, so one IEEE division or multiplication
 * gives the correctly rounded result, the same double {@link Double#parseDouble} returns. Anything longer goes
 * through {@link Double#parseDouble}. Text that spreadsheets produce ({@code "$50,000.00 "}) is accepted as
 * {@link ParseStatus#NORMALISED}; {@code NaN}, {@code Infinity} and hex floats are not numbers in FOCUS. The
 * currency sign such a text carried is kept ({@link #currencySign()}): it is a claim about the amount's currency
 * that the importer checks against the row's BillingCurrency ({@link CurrencySigns}).
 */
public final class DecimalParser {

    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private double value;
    private char currencySign;

    /** The value of the last successful parse. */
    public double value() {
        return value;
    }

    /** The currency sign the last parse stripped ({@code $ € £ ¥}), or 0 when it had none. */
    public char currencySign() {
        return currencySign;
    }

    public ParseStatus parse(char[] b, int off, int len) {
        currencySign = 0;
        int end = off + len;
        int originalLength = len;
        while (off < end && b[off] == ' ') {
            off++;
        }
        while (end > off && b[end - 1] == ' ') {
            end--;
        }
        boolean trimmed = end - off != originalLength;
        if (off == end) {
            return ParseStatus.INVALID;
        }
        if (parsePlain(b, off, end)) {
            return trimmed ? ParseStatus.NORMALISED : ParseStatus.OK;
        }
        return parseFormatted(b, off, end);
    }

    private boolean parsePlain(char[] b, int i, int end) {
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean seenDot = false;
        boolean any = false;
        for (; i < end; i++) {
            char c = b[i];
            if (c >= '0' && c <= '9') {
                any = true;
                if (mantissa == 0 && c == '0') {
                    if (seenDot) {
                        scale++;
                    }
                    continue;
                }
                if (++digits > 18) {
                    return parseSlow(b, i, end);
                }
                mantissa = mantissa * 10 + (c - '0');
                if (seenDot) {
                    scale++;
                }
            } else if (c == '.' && !seenDot) {
                seenDot = true;
            } else if ((c == 'e' || c == 'E') && any) {
                return parseSlow(b, i, end);
            } else {
                return false;
            }
        }
        if (!any) {
            return false;
        }
        if (mantissa == 0) {
            value = negative ? -0.0 : 0.0;
            return true;
        }
        if (scale <= 22 && mantissa <= (1L << 53)) {
            double v = scale == 0 ? mantissa : mantissa / POW10[scale];
            value = negative ? -v : v;
            return true;
        }
        return parseSlow(b, i, end);
    }

    /** Full-precision fallback; the text was already checked to be made of number characters up to here. */
    private boolean parseSlow(char[] b, int unused, int end) {
        int start = unused;
        while (start > 0 && isNumberChar(b[start - 1])) {
            start--;
        }
        for (int i = start; i < end; i++) {
            if (!isNumberChar(b[i])) {
                return false;
            }
        }
        try {
            value = Double.parseDouble(new String(b, start, end - start));
            return !Double.isInfinite(value);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isNumberChar(char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
    }

    /** {@code $1,234.50}, {@code -$3.00}: strips one currency sign and well-placed thousands separators. */
    private ParseStatus parseFormatted(char[] b, int off, int end) {
        StringBuilder sb = new StringBuilder(end - off);
        char sign = 0;
        boolean currency = false;
        int groupDigits = -1;
        boolean seenDot = false;
        for (int i = off; i < end; i++) {
            char c = b[i];
            if (CurrencySigns.isSign(c) && !currency && groupDigits < 0 && !seenDot) {
                currency = true;
                sign = c;
            } else if (c == ',' && !seenDot && sb.length() > 0 && Character.isDigit(sb.charAt(sb.length() - 1))
                    && (groupDigits < 0 || groupDigits == 3)) {
                groupDigits = 0;
            } else {
                if (Character.isDigit(c) && groupDigits >= 0 && !seenDot) {
                    groupDigits++;
                } else if (c == '.') {
                    if (groupDigits >= 0 && groupDigits != 3) {
                        return ParseStatus.INVALID;
                    }
                    seenDot = true;
                }
                sb.append(c);
            }
        }
        if ((!currency && groupDigits < 0) || (groupDigits >= 0 && !seenDot && groupDigits != 3)) {
            return ParseStatus.INVALID;
        }
        char[] cleaned = sb.toString().toCharArray();
        if (cleaned.length > 0 && parsePlain(cleaned, 0, cleaned.length)) {
            currencySign = sign;
            return ParseStatus.NORMALISED;
        }
        return ParseStatus.INVALID;
    }
}
