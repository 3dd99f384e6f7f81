package dev.burnrate.portal.budget;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsShowCents() {
        assertThat(Money.usd(37_500)).isEqualTo("$37,500.00");
        assertThat(Money.usd(0.0032)).isEqualTo("$0.00");
        assertThat(Money.perHour(58.8928)).isEqualTo("$58.89/h");
    }

    /** A 100 GB bucket at $0.023 per GB-month costs $0.0032 an hour: shown as $0.00 it would read as free. */
    @Test
    void ratesThatWouldRoundToZeroKeepFourDecimals() {
        assertThat(Money.rate(100 * 0.023 / 730)).isEqualTo("$0.0032");
        assertThat(Money.perHour(100 * 0.023 / 730)).isEqualTo("$0.0032/h");
        assertThat(Money.rate(0.0158)).isEqualTo("$0.02");
        assertThat(Money.rate(0)).isEqualTo("$0.00");
        assertThat(Money.perHour(0)).isEqualTo("$0.00/h");
    }
}
