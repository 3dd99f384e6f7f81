package dev.burnrate.portal.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.burnrate.portal.currency.ExchangeRate;
import dev.burnrate.portal.currency.ExchangeRates;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpendBreakdownTest {

    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_10 = LocalDate.of(2026, 11, 10);
    private static final LocalDate NOV_20 = LocalDate.of(2026, 11, 20);

    @Test
    void withoutRatesOnlyTheBudgetsCurrencyCountsAndTheRestIsNamed() {
        SpendBreakdown b = SpendBreakdown.of("USD", List.of(new DaySpend("USD", NOV_10, 300),
                new DaySpend("JPY", NOV_10, 1_000_000), new DaySpend("JPY", NOV_20, 234_567),
                new DaySpend("EUR", NOV_10, 1_000)), ExchangeRates.none());

        assertThat(b.counted()).isEqualTo(300);
        assertThat(b.conversions()).isEmpty();
        assertThat(b.notes()).containsExactly("€1,000.00 EUR not counted: no EUR→USD rate",
                "¥1,234,567 JPY not counted: no JPY→USD rate");
    }

    @Test
    void eachDayConvertsAtTheNearestEarlierRateNeverALaterOneNorTheInversePair() {
        ExchangeRates rates = new ExchangeRates(List.of(new ExchangeRate("EUR", "USD", NOV_1, 1.08),
                new ExchangeRate("EUR", "USD", NOV_20, 1.10), new ExchangeRate("USD", "JPY", NOV_1, 150),
                new ExchangeRate("GBP", "USD", NOV_20, 1.27)));
        SpendBreakdown b = SpendBreakdown.of("USD", List.of(new DaySpend("EUR", NOV_10, 100),
                new DaySpend("EUR", NOV_20, 100), new DaySpend("GBP", NOV_10, 50),
                new DaySpend("JPY", NOV_10, 15_000)), rates);

        assertThat(b.counted()).isCloseTo(108 + 110, within(1e-9));
        assertThat(b.notes()).containsExactly(
                "€200.00 EUR counted as $218.00 at 1.08–1.1 EUR→USD (rates of 2026-11-01 to 2026-11-20)",
                "£50.00 GBP not counted: no GBP→USD rate", "¥15,000 JPY not counted: no JPY→USD rate");
    }

    @Test
    void rowsWithoutACurrencyAreNeverCounted() {
        SpendBreakdown b = SpendBreakdown.of("USD", List.of(new DaySpend(null, NOV_10, 12.5)), ExchangeRates.none());
        assertThat(b.counted()).isZero();
        assertThat(b.notes()).containsExactly("12.50 not counted: rows without a billing currency");
    }

    @Test
    void breakdownsAddUpOnlyInTheSameCurrency() {
        ExchangeRates rates = new ExchangeRates(List.of(new ExchangeRate("EUR", "USD", NOV_1, 2)));
        SpendBreakdown a = SpendBreakdown.of("USD", List.of(new DaySpend("EUR", NOV_10, 10),
                new DaySpend("JPY", NOV_10, 5)), rates);
        SpendBreakdown b = SpendBreakdown.of("USD", List.of(new DaySpend("EUR", NOV_20, 1),
                new DaySpend("USD", NOV_20, 3), new DaySpend("JPY", NOV_10, 5)), rates);
        SpendBreakdown sum = a.plus(b);

        assertThat(sum.counted()).isCloseTo(20 + 2 + 3, within(1e-9));
        assertThat(sum.conversions()).singleElement().satisfies(c -> {
            assertThat(c.original()).isEqualTo(11);
            assertThat(c.converted()).isEqualTo(22);
        });
        assertThat(sum.notCounted()).containsEntry("JPY", 10.0);
        assertThatThrownBy(() -> a.plus(SpendBreakdown.none("EUR"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot add spend in EUR to spend in USD");
    }

    @Test
    void aRateNeedsTwoIsoCurrenciesAndAPositiveValue() {
        assertThatThrownBy(() -> new ExchangeRate("EUR", "EUR", NOV_1, 1)).hasMessageContaining("two different");
        assertThatThrownBy(() -> new ExchangeRate("EUR", "usd", NOV_1, 1)).hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> new ExchangeRate("EUR", "USD", NOV_1, -1)).hasMessageContaining("greater than 0");
        assertThat(new ExchangeRates(List.of(new ExchangeRate("EUR", "USD", NOV_10, 1.1)))
                .convert(10, "EUR", "USD", NOV_1)).isEmpty();
    }
}
