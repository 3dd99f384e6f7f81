package dev.burnrate.portal.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
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

    @Test
    void everyAmountCanShowItsCurrency() {
        assertThat(Money.of(37_500, "USD")).isEqualTo("$37,500.00");
        assertThat(Money.of(1_000, "EUR")).isEqualTo("€1,000.00 EUR");
        assertThat(Money.of(1_234_567, "JPY")).isEqualTo("¥1,234,567 JPY");
        assertThat(Money.perHour(2.1, "EUR")).isEqualTo("€2.10 EUR/h");
        assertThat(Money.perHour(0.0032, "EUR")).isEqualTo("€0.0032 EUR/h");
        assertThat(Money.perHour(0.0032, "USD")).isEqualTo("$0.0032/h");
    }

    @Test
    void amountsInSeveralCurrenciesStandSideBySideLargestFirstNeverAdded() {
        Map<String, Double> byCurrency = new LinkedHashMap<>();
        byCurrency.put("USD", 150.0);
        byCurrency.put("JPY", 1_234_567.0);
        byCurrency.put("(no currency)", 3.0);
        assertThat(Money.each(byCurrency, "USD")).isEqualTo("¥1,234,567 JPY · $150.00 · 3.00 (no currency)");
        assertThat(Money.each(Map.of(), "CHF")).isEqualTo("0.00 CHF");
    }
}
