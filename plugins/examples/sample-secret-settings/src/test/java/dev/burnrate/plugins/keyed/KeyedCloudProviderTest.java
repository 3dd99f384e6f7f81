package dev.burnrate.plugins.keyed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.PluginSetting;
import dev.burnrate.plugins.testkit.InMemoryPluginContext;
import org.junit.jupiter.api.Test;

class KeyedCloudProviderTest {

    @Test
    void itDeclaresTheApiKeyAsARequiredSecret() {
        var settings = new KeyedCloudProvider().settings();
        assertThat(settings).extracting(PluginSetting::key).containsExactly("endpoint", "api-key", "max-instances");
        PluginSetting key = settings.get(1);
        assertThat(key.secret()).isTrue();
        assertThat(key.required()).isTrue();
        assertThat(key.defaultValue()).isNull();
    }

    @Test
    void withoutAKeyItOffersNothing() {
        KeyedCloudProvider provider = new KeyedCloudProvider();
        provider.init(new InMemoryPluginContext("sample-secret-settings"));
        assertThat(provider.offerings()).isEmpty();
        assertThat(provider.regions()).hasSize(1);
    }

    @Test
    void withAKeyItOffersAnInstanceNamedAfterTheKeysFingerprintNotTheKey() {
        KeyedCloudProvider provider = new KeyedCloudProvider();
        provider.init(new InMemoryPluginContext("sample-secret-settings").withSetting("api-key", "kc-secret-1"));
        assertThat(provider.offerings()).singleElement().satisfies(o -> {
            assertThat(o.instanceType()).isEqualTo("keyed-" + new ApiKey("kc-secret-1").fingerprint());
            assertThat(o.toString()).doesNotContain("kc-secret-1");
        });
        assertThat(new ApiKey("kc-secret-1").toString()).doesNotContain("kc-secret-1");
    }
}
