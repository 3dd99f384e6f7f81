package dev.burnrate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PluginSettingTest {

    @Test
    void valuesAreCheckedByType() {
        assertThat(PluginSetting.integer("max", "Max").check("42")).isEmpty();
        assertThat(PluginSetting.integer("max", "Max").check("4.2")).hasValue("must be a whole number, not '4.2'");
        assertThat(PluginSetting.bool("on", "On").check("TRUE")).isEmpty();
        assertThat(PluginSetting.bool("on", "On").check("yes")).hasValue("must be true or false, not 'yes'");
        assertThat(PluginSetting.url("endpoint", "Endpoint").check("https://api.example.com/v1")).isEmpty();
        assertThat(PluginSetting.url("endpoint", "Endpoint").check("ftp://example.com")).isPresent();
        assertThat(PluginSetting.url("endpoint", "Endpoint").check("api.example.com")).isPresent();
        assertThat(PluginSetting.secret("api-key", "API key").check("anything at all")).isEmpty();
        assertThat(PluginSetting.string("name", "Name").check(" ")).hasValue("must not be empty");
    }

    @Test
    void declarationsAreCheckedWhenMade() {
        assertThatThrownBy(() -> PluginSetting.string("Bad Key", "x")).hasMessageContaining("lower-case letters");
        assertThatThrownBy(() -> PluginSetting.string("k", " ")).hasMessageContaining("needs a label");
        assertThatThrownBy(() -> PluginSetting.secret("api-key", "API key").withDefault("abc"))
                .hasMessageContaining("cannot have a default");
        assertThatThrownBy(() -> PluginSetting.integer("max", "Max").withDefault("many"))
                .hasMessageContaining("default must be a whole number");
    }

    @Test
    void buildersKeepWhatWasSaidBefore() {
        PluginSetting s = PluginSetting.url("endpoint", "Endpoint").withDescription("Where the API is")
                .withDefault("https://api.example.com").asRequired();
        assertThat(s).isEqualTo(new PluginSetting("endpoint", "Endpoint", PluginSetting.Type.URL, true,
                "Where the API is", "https://api.example.com"));
        assertThat(s.secret()).isFalse();
        assertThat(PluginSetting.secret("api-key", "API key").secret()).isTrue();
    }

    @Test
    void extensionsDeclareNoSettingsByDefault() {
        BurnrateExtension old = new BurnrateExtension() {
            @Override
            public String id() {
                return "old";
            }

            @Override
            public String displayName() {
                return "Old";
            }
        };
        assertThat(old.settings()).isEqualTo(List.of());
    }
}
