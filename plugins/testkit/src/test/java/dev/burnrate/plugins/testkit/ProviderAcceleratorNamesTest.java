package dev.burnrate.plugins.testkit;

import static dev.burnrate.plugins.testkit.FakeProvider.region;
import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.Offering;
import dev.burnrate.api.Prices;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An offering's accelerator must be a name the hardware catalogs know, or the portal cannot size it. */
class ProviderAcceleratorNamesTest {

    @Test
    void anUnknownAcceleratorNameIsAViolationSayingWhichNamesAreKnown() {
        var provider = new FakeProvider("fake", List.of(region("eu-1")), List.of(
                gpu("known", "h100-sxm"), gpu("typo", "H-100")));

        assertThat(ProviderConformance.check(provider)).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("known-accelerator");
            assertThat(v.subject()).isEqualTo("offering fake/eu-1/typo");
            assertThat(v.message()).contains("'H-100'", "H100, H200", "tpu-v5e");
        });
    }

    @Test
    void namesTheAuthorsOwnHardwarePluginAddsCanBeDeclared() {
        var provider = new FakeProvider("fake", List.of(region("eu-1")), List.of(gpu("new", "X9000")));
        assertThat(ProviderConformance.check(provider, Set.of("X9000"))).isEmpty();
    }

    private static Offering gpu(String type, String accelerator) {
        return new Offering("fake", type, "eu-1", accelerator, 1, 8, 64, "Compute",
                new Prices(2.0, null, null, null, null));
    }
}
