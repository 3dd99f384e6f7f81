package dev.burnrate.portal.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact money at the boundary between the float64 columns of the usage data and the figures people read and sign.
 * A (compensated) float64 sum of decimal costs is the double nearest the exact decimal total, so a sum is first
 * snapped to the decimals a double of its size can carry, at most {@value #EXACT_SCALE} (which recovers the
 * decimal the source file meant), and only then rounded, once, half-even, to the cent.
 * <p>
 * Why not always {@value #EXACT_SCALE} decimals: above about 8 million a double's spacing is wider than a
 * billionth, so a half-cent tie such as 12,345,678.005 is stored as 12,345,678.00499999918... and snapping to
 * nine decimals keeps the error (...004999999) and rounds to .00 instead of the .00 / .01 the decimal rule gives.
 * Snapping only to the decimals the double's spacing resolves recovers the tie; cents are always kept.
 */
public final class Cents {

    /** Most decimals kept from a float64 figure before it is rounded for people. */
    public static final int EXACT_SCALE = 9;

    private Cents() {
    }

    /**
     * The decimal a float64 figure stands for: to {@value #EXACT_SCALE} decimals, or fewer where the double is too
     * large to resolve them (never fewer than cents).
     */
    public static BigDecimal exact(double amount) {
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException("not a money amount: " + amount);
        }
        return new BigDecimal(amount).setScale(resolvedScale(amount), RoundingMode.HALF_EVEN);
    }

    /** The most decimals d such that neighbouring doubles near {@code amount} are closer than 10^-d. */
    static int resolvedScale(double amount) {
        int resolved = (int) Math.floor(-Math.log10(Math.ulp(amount)));
        return Math.max(2, Math.min(EXACT_SCALE, resolved));
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
