package dev.burnrate.portal.provisioning.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Figures as the API writes them: decimals rounded once, half-even, from the decimal the double stands for. */
final class Amounts {

    private Amounts() {
    }

    /** Totals: to the cent. */
    static BigDecimal total(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** Hourly prices: to a hundredth of a cent, as catalogs publish them. */
    static BigDecimal hourly(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN);
    }
}
