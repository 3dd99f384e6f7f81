package dev.burnrate.plugins.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.api.BurnrateExtension;
import dev.burnrate.api.PluginContext;
import dev.burnrate.api.PluginSetting;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings suite passes a well-behaved plugin and fails each mistake the portal would trip over. */
class PluginSettingsConformanceSelfTest {

    @Test
    void aPluginThatStartsWithoutItsKeyPasses() {
        var suite = suite(List.of(new Keyed(false, PluginSetting.secret("api-key", "API key").asRequired())),
                Map.of("api-key", "k"));
        assertThatCode(() -> {
            suite.declarationsAnswerAndAgreeAcrossExtensions();
            suite.validSettingsPassTheirTypeCheck();
            suite.itStartsAndAnswersItsCheckCallsBeforeAnySettingIsSet();
            suite.itStartsWithValidSettings();
        }).doesNotThrowAnyException();
    }

    @Test
    void aPluginThatCannotStartBeforeItsKeyIsSetFails() {
        var suite = suite(List.of(new Keyed(true, PluginSetting.secret("api-key", "API key").asRequired())),
                Map.of("api-key", "k"));
        assertThatThrownBy(suite::itStartsAndAnswersItsCheckCallsBeforeAnySettingIsSet)
                .hasMessageContaining("fails without settings: the portal could not install it");
        assertThatCode(suite::itStartsWithValidSettings).doesNotThrowAnyException();
    }

    @Test
    void conflictingDeclarationsAndBadOrMissingValuesFail() {
        var conflicting = suite(List.of(new Keyed(false, PluginSetting.integer("limit", "Limit")),
                new Keyed(false, PluginSetting.string("limit", "Limit"))), Map.of());
        assertThatThrownBy(conflicting::declarationsAnswerAndAgreeAcrossExtensions)
                .hasMessageContaining("'limit' is declared twice, differently");

        var badValue = suite(List.of(new Keyed(false, PluginSetting.integer("limit", "Limit"))),
                Map.of("limit", "lots"));
        assertThatThrownBy(badValue::validSettingsPassTheirTypeCheck).hasMessageContaining("Limit must be a whole");

        var missing = suite(List.of(new Keyed(false, PluginSetting.url("endpoint", "Endpoint").asRequired())),
                Map.of());
        assertThatThrownBy(missing::validSettingsPassTheirTypeCheck)
                .hasMessageContaining("no value for the required setting 'endpoint'");
    }

    private static PluginSettingsConformanceTest suite(List<BurnrateExtension> extensions, Map<String, String> valid) {
        return new PluginSettingsConformanceTest() {
            @Override
            protected List<BurnrateExtension> createExtensions() {
                return extensions;
            }

            @Override
            protected Map<String, String> validSettings() {
                return valid;
            }
        };
    }

    /** An extension declaring one setting; when {@code strict}, it refuses to start without an api-key. */
    private record Keyed(boolean strict, PluginSetting setting) implements BurnrateExtension {
        @Override
        public String id() {
            return "keyed";
        }

        @Override
        public String displayName() {
            return "Keyed";
        }

        @Override
        public List<PluginSetting> settings() {
            return List.of(setting);
        }

        @Override
        public void init(PluginContext context) {
            if (strict && context.setting("api-key").isEmpty()) {
                throw new IllegalStateException("no API key");
            }
        }
    }
}
