package dev.burnrate.portal.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class CentsTest {

    @Test
    void halfCentTiesRoundHalfEvenLikeTheDecimalTheyStandFor() {
        assertThat(Cents.of(0.125)).isEqualTo(new BigDecimal("0.12"));
        assertThat(Cents.of(0.135)).isEqualTo(new BigDecimal("0.14"));
        assertThat(Cents.of(-0.125)).isEqualTo(new BigDecimal("-0.12"));
        assertThat(Cents.of(0.1 + 0.2)).isEqualTo(new BigDecimal("0.30"));
        assertThat(Cents.exact(0.1 + 0.2)).isEqualTo(new BigDecimal("0.300000000"));
    }

    /** Above about 8 million a double cannot carry nine decimals; snapping to nine kept its error and broke ties. */
    @Test
    void largeTotalsWithHalfCentTiesRoundLikeTheDecimal() {
        int checked = 0;
        for (String whole : new String[] {"1234567", "9876543", "12345678", "123456789", "98765432101"}) {
            for (int thousandths = 5; thousandths < 1000; thousandths += 10) {
                BigDecimal decimal = new BigDecimal(whole + "." + String.format("%03d", thousandths));
                assertThat(Cents.of(decimal.doubleValue())).as("%s", decimal)
                        .isEqualTo(decimal.setScale(2, RoundingMode.HALF_EVEN));
                assertThat(Cents.of(-decimal.doubleValue())).isEqualTo(decimal.negate().setScale(2,
                        RoundingMode.HALF_EVEN));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(500);
        assertThat(Cents.of(12_345_678.005)).isEqualTo(new BigDecimal("12345678.00"));
        assertThat(Cents.of(12_345_678.015)).isEqualTo(new BigDecimal("12345678.02"));
    }

    @Test
    void smallAmountsKeepNineDecimalsAndHugeOnesKeepCents() {
        assertThat(Cents.exact(0.000000001)).isEqualTo(new BigDecimal("0.000000001"));
        assertThat(Cents.exact(1234.5678901234)).isEqualTo(new BigDecimal("1234.567890123"));
        assertThat(Cents.exact(0)).isEqualTo(new BigDecimal("0.000000000"));
        assertThat(Cents.exact(1e15 + 0.5)).isEqualTo(new BigDecimal("1000000000000000.50"));
    }

    @Test
    void nonFiniteAmountsAreRefused() {
        assertThatThrownBy(() -> Cents.exact(Double.NaN)).hasMessageContaining("not a money amount");
        assertThatThrownBy(() -> Cents.exact(Double.POSITIVE_INFINITY)).hasMessageContaining("not a money amount");
    }
}
