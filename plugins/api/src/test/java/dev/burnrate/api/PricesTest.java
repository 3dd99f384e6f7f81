package dev.burnrate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PricesTest {

    @Test
    void theApi10And11ConstructorMeansUsd() {
        Prices prices = new Prices(2.49, 1.2, null, null, null);
        assertThat(prices.currency()).isEqualTo("USD");
        assertThat(prices).isEqualTo(new Prices(2.49, 1.2, null, null, null, "USD"));
    }

    @Test
    void pricesKeepTheirCurrency() {
        Prices eur = new Prices(2.10, null, null, null, null, "EUR");
        assertThat(eur.currency()).isEqualTo("EUR");
        assertThat(eur.inCurrency("JPY").currency()).isEqualTo("JPY");
        assertThat(eur.inCurrency("JPY").onDemand()).isEqualTo(2.10);
    }

    @Test
    void aCurrencyMustBeAnIso4217Code() {
        for (String bad : new String[]{null, "usd", "US", "XYZ", "€"}) {
            assertThatThrownBy(() -> new Prices(1, null, null, null, null, bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO 4217");
        }
    }
}
