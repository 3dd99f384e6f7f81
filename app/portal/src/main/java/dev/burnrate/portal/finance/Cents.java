package dev.burnrate.portal.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact money at the boundary between the float64 columns of the usage data and the figures people read and sign.
 * A float64 sum of decimal costs carries an error far below a billionth of a dollar for any realistic total, so a
 * sum is first snapped to {@value #EXACT_SCALE} decimals (which recovers the decimal the source file meant) and only
 * then rounded, once, half-even, to the cent.
 */
public final class Cents {

    /** Decimals kept from a float64 figure before it is rounded for people. */
    public static final int EXACT_SCALE = 9;

    private Cents() {
    }

    /** The decimal a float64 figure stands for, to {@value #EXACT_SCALE} decimals. */
    public static BigDecimal exact(double amount) {
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException("not a money amount: " + amount);
        }
        return new BigDecimal(amount).setScale(EXACT_SCALE, RoundingMode.HALF_EVEN);
    }

    /** Rounded once, half-even, to the cent: what is displayed, exported and signed. */
    public static BigDecimal round(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    /** {@link #round} of {@link #exact}. */
    public static BigDecimal of(double amount) {
        return round(exact(amount));
    }
}
