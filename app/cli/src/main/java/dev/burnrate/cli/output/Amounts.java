package dev.burnrate.cli.output;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Money and other figures as people read them: rounded once, half-even, to cents, grouped by thousands, the same
 * on every machine (no locale), and a rounded zero without a minus sign, as the portal shows them.
 */
public final class Amounts {

    private Amounts() {
    }

    public static String money(BigDecimal value) {
        if (value == null) {
            return "-";
        }
        BigDecimal cents = value.setScale(2, RoundingMode.HALF_EVEN);
        if (cents.signum() == 0) {
            cents = BigDecimal.ZERO.setScale(2);
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(cents);
    }

    /** A JSON number as money, or "-" when absent; a non-number is shown as it is. */
    public static String money(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "-";
        }
        return value.isNumber() ? money(value.decimalValue()) : value.asString();
    }

    /** Whole numbers as they are (ids, counts); fractions as money. */
    public static String number(JsonNode value) {
        BigDecimal decimal = value.decimalValue();
        if (decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0) {
            return decimal.toBigInteger().toString();
        }
        return money(decimal);
    }
}
