package dev.burnrate.plugins.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.burnrate.api.BurnrateExtension;
import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.HardwareCatalog;
import dev.burnrate.api.PluginSetting;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Checks a plugin's settings declarations ({@link BurnrateExtension#settings()}, since API 1.3.0) as the portal
 * uses them. Extend it and return fresh, uninitialised instances of all of the plugin's extensions:
 *
 * <pre>{@code
 * class MySettingsTest extends PluginSettingsConformanceTest {
 *     protected List<BurnrateExtension> createExtensions() { return List.of(new MyProvider()); }
 *     protected Map<String, String> validSettings() { return Map.of("api-key", "test-key"); }
 * }
 * }</pre>
 */
public abstract class PluginSettingsConformanceTest {

    /** New, uninitialised instances of every extension the plugin contributes. */
    protected abstract List<BurnrateExtension> createExtensions();

    /** A value for every required setting without a default, as an administrator would enter them. */
    protected Map<String, String> validSettings() {
        return Map.of();
    }

    @Test
    void declarationsAnswerAndAgreeAcrossExtensions() {
        Map<String, PluginSetting> byKey = new HashMap<>();
        for (BurnrateExtension extension : createExtensions()) {
            List<PluginSetting> settings = assertDoesNotThrow(extension::settings,
                    extension.getClass().getName() + ".settings() threw");
            assertNotNull(settings, extension.getClass().getName() + ".settings() returned null; return List.of()");
            for (PluginSetting setting : settings) {
                assertNotNull(setting, extension.getClass().getName() + ".settings() holds a null");
                PluginSetting earlier = byKey.putIfAbsent(setting.key(), setting);
                if (earlier != null && !earlier.equals(setting)) {
                    fail("setting '" + setting.key() + "' is declared twice, differently: " + earlier + " and "
                            + setting + " (the settings of one plugin share one namespace)");
                }
            }
        }
    }

    @Test
    void validSettingsPassTheirTypeCheck() {
        Map<String, PluginSetting> declared = declared();
        validSettings().forEach((key, value) -> {
            PluginSetting setting = declared.get(key);
            if (setting == null) {
                fail("validSettings() sets '" + key + "', which no extension declares");
            }
            setting.check(value).ifPresent(problem -> fail(setting.label() + " " + problem));
        });
        declared.values().stream().filter(s -> s.required() && s.defaultValue() == null)
                .filter(s -> !validSettings().containsKey(s.key()))
                .forEach(s -> fail("validSettings() gives no value for the required setting '" + s.key() + "'"));
    }

    /**
     * The portal starts a plugin at install, before an administrator could set anything, and makes its check calls
     * (display name; a provider's regions, offerings and storage offerings; a catalog's specs): they must answer.
     */
    @Test
    void itStartsAndAnswersItsCheckCallsBeforeAnySettingIsSet() {
        for (BurnrateExtension extension : createExtensions()) {
            InMemoryPluginContext empty = new InMemoryPluginContext(Optional.ofNullable(extension.id())
                    .orElse("plugin-under-test"));
            assertDoesNotThrow(() -> checkCalls(extension, empty), extension.getClass().getName()
                    + " fails without settings: the portal could not install it");
        }
    }

    @Test
    void itStartsWithValidSettings() {
        for (BurnrateExtension extension : createExtensions()) {
            InMemoryPluginContext context = new InMemoryPluginContext(Optional.ofNullable(extension.id())
                    .orElse("plugin-under-test"));
            validSettings().forEach(context::withSetting);
            assertDoesNotThrow(() -> checkCalls(extension, context), extension.getClass().getName()
                    + " fails with validSettings()");
        }
    }

    private Map<String, PluginSetting> declared() {
        Map<String, PluginSetting> declared = new HashMap<>();
        createExtensions().forEach(e -> e.settings().forEach(s -> declared.putIfAbsent(s.key(), s)));
        return declared;
    }

    private static void checkCalls(BurnrateExtension extension, InMemoryPluginContext context) {
        extension.init(context);
        assertEquals(false, extension.displayName() == null, "displayName() is null");
        if (extension instanceof CloudProvider provider) {
            assertNotNull(provider.regions(), "regions() is null");
            assertNotNull(provider.offerings(), "offerings() is null");
            assertNotNull(provider.storageOfferings(), "storageOfferings() is null");
        }
        if (extension instanceof HardwareCatalog catalog) {
            assertNotNull(catalog.specs(), "specs() is null");
        }
    }
}
