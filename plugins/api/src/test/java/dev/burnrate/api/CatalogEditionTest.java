package dev.burnrate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CatalogEditionTest {
    @Test
    void describesItselfWithVersionAndDate() {
        assertThat(new CatalogEdition("SkyPilot v9 @ 2c3d7ea", LocalDate.of(2026, 12, 7), "skypilot-catalog")
                .describe()).isEqualTo("SkyPilot v9 @ 2c3d7ea of 2026-12-07");
    }

    @Test
    void refusesAnEditionWithoutVersionDateOrSource() {
        LocalDate day = LocalDate.of(2026, 12, 7);
        assertThatThrownBy(() -> new CatalogEdition(" ", day, "s")).hasMessageContaining("version");
        assertThatThrownBy(() -> new CatalogEdition("v1", null, "s")).hasMessageContaining("date");
        assertThatThrownBy(() -> new CatalogEdition("v1", day, "")).hasMessageContaining("source");
    }

    @Test
    void providersThatDoNotSayHaveNoEdition() {
        // A provider that implements only the abstract methods (here: a proxy answering null to them).
        CloudProvider silent = (CloudProvider) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CloudProvider.class}, (proxy, method, args) -> method.isDefault()
                        ? InvocationHandler.invokeDefault(proxy, method, args) : null);
        assertThat(silent.catalogEdition()).isEmpty();
    }
}
